import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the CLI writes: injectable so tests run commands in-process. */
export interface IO {
  stdout(s: string): void;
  stderr(s: string): void;
  isTTY?: boolean;
}

export const processIO: IO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Write to --out, or to stdout. */
export function emit(io: IO, out: string | undefined, content: string): void {
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, content);
  } else {
    io.stdout(content);
  }
}
