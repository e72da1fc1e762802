import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(tmpdir(), 'zhidu-cache');

/**
 * A value computed once per machine and kept as JSON in the temp folder under a name that is the hash of
 * everything it depends on: a changed input is a new name, never a stale answer. Unreadable entries are
 * computed again; ZHIDU_NO_CACHE=1 turns the cache off.
 */
export function diskCached<T>(kind: string, key: string, build: () => T): T {
  if (process.env.ZHIDU_NO_CACHE === '1') return build();
  const path = join(DIR, `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 24)}.json`);
  if (existsSync(path)) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as T;
    } catch {
      // a half-written or damaged entry: computed again below
    }
  }
  const value = build();
  try {
    mkdirSync(DIR, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    // rename is atomic: a concurrent worker reads the old entry or the whole new one
    renameSync(tmp, path);
  } catch {
    // a read-only temp folder only costs the time saved
  }
  return value;
}

let engine: string | null = null;

/** The engine's code as a fingerprint (each module's name, size and time): what a cached result was computed by. */
export function engineFingerprint(): string {
  if (engine !== null) return engine;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) { const s = statSync(p); parts.push(`${p}:${s.size}:${s.mtimeMs}`); }
    }
  };
  walk(root);
  return (engine = parts.join('\n'));
}
