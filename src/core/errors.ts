/**
 * Input failures that stop one document. Each class has its own exit code so a
 * script can tell "fix your input" from "fix your call" (usage = 2).
 */
export const EXIT_CODES = {
  ok: 0,
  someFailed: 1,
  usage: 2,
  'input/missing': 3,
  'input/unsupported-format': 4,
  'input/empty': 5,
  'input/binary': 6,
  'input/unknown-encoding': 7,
  'input/pdf-no-text': 8,
  'input/pdf-encrypted': 9,
  'input/corrupt': 10,
  'input/too-large': 11,
  'input/outside-corpus': 12,
  'input/unreadable-link': 13,
  internal: 70,
} as const;

export type ErrorCode = Exclude<keyof typeof EXIT_CODES, 'ok' | 'someFailed' | 'usage'>;

export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  'input/missing': 'the path does not exist or cannot be read',
  'input/unsupported-format': 'the file extension or content is not a supported format',
  'input/empty': 'the file has no bytes, or no text after decoding',
  'input/binary': 'the file is binary data, not text',
  'input/unknown-encoding': 'the bytes are not valid UTF-8, UTF-16 or GB18030 text',
  'input/pdf-no-text': 'the PDF has no text layer (scanned images?)',
  'input/pdf-encrypted': 'the PDF is encrypted or password protected',
  'input/corrupt': 'the container (PDF/DOCX) is truncated or corrupt',
  'input/too-large': 'the input exceeds the size limit',
  'input/outside-corpus': 'a manifest entry points outside its corpus folder (allow with --allow-outside)',
  'input/unreadable-link': 'a symbolic link that points nowhere, or into a loop',
  internal: 'an internal error (a bug in zhidu)',
};

export class ZhiduError extends Error {
  readonly code: ErrorCode;
  readonly stage: string;
  readonly file?: string;
  constructor(opts: { code: ErrorCode; stage: string; message: string; file?: string; cause?: unknown }) {
    super(opts.message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ZhiduError';
    this.code = opts.code;
    this.stage = opts.stage;
    this.file = opts.file;
  }
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** One line for stderr: `zhidu: FILE: reason [code]`. */
export function formatError(err: unknown, file?: string): { line: string; code: ErrorCode; exitCode: number } {
  if (err instanceof ZhiduError) {
    const where = err.file ?? file;
    return { line: `zhidu: ${where ? where + ': ' : ''}${err.message} [${err.code}]`, code: err.code, exitCode: err.exitCode };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { line: `zhidu: ${file ? file + ': ' : ''}internal error: ${msg.split('\n')[0]} [internal]`, code: 'internal', exitCode: EXIT_CODES.internal };
}
