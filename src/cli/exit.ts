import { EXIT_CODES, type ErrorCode } from '../core/errors.js';

export interface Failure { code: ErrorCode; exitCode: number }

/**
 * 0 when every input worked; the failure's own code when all failures are of one class;
 * 1 when inputs failed for different reasons.
 */
export function exitCodeFor(total: number, failures: Failure[]): number {
  if (!failures.length) return EXIT_CODES.ok;
  const codes = new Set(failures.map((f) => f.exitCode));
  if (codes.size === 1) return failures[0]!.exitCode;
  return total > 1 ? EXIT_CODES.someFailed : failures[0]!.exitCode;
}
