import { extname } from 'node:path';
/** A call that cannot be carried out as written: one line on stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

const BY_EXTENSION: Record<string, string> = { '.json': 'json', '.jsonl': 'jsonl', '.md': 'md', '.markdown': 'md', '.csv': 'csv', '.html': 'html', '.htm': 'html' };

/**
 * The output format: from --format, else from the extension of --out, else the command's default. A
 * --format that contradicts the --out extension (--format md --out report.html) is a usage error.
 */
export function outputFormat<T extends string>(format: T | undefined, out: string | undefined, allowed: readonly T[], fallback: T): T {
  const byExt = out ? BY_EXTENSION[extname(out).toLowerCase()] as T | undefined : undefined;
  if (byExt && !allowed.includes(byExt)) throw new UsageError(`--out ${out}: this command writes ${allowed.join(', ')}, not ${byExt}`);
  if (format && byExt && format !== byExt) throw new UsageError(`--format ${format} does not match the extension of --out ${out} (${byExt})`);
  return format ?? byExt ?? fallback;
}
