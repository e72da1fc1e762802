import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MB, worker threads included. Linux's VmHWM belongs to the process's
 * own memory map; getrusage's maxrss survives exec and so can report the parent that started us.
 */
export function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: getrusage below
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
