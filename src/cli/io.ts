import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
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
  emitChunks(io, out, [content]);
}

/** Write chunks to --out, or to stdout, about a megabyte at a time: the whole output is never one string. */
export function emitChunks(io: IO, out: string | undefined, chunks: Iterable<string>): void {
  let fd: number | null = null;
  if (out) {
    mkdirSync(dirname(out), { recursive: true });
    fd = openSync(out, 'w');
  }
  const write = (s: string) => {
    if (fd === null) { io.stdout(s); return; }
    // writeSync may write part of a buffer: the rest follows until all is written
    const bytes = Buffer.from(s, 'utf8');
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
  };
  try {
    let buf: string[] = [];
    let size = 0;
    for (const c of chunks) {
      buf.push(c);
      size += c.length;
      if (size >= 1 << 19) { write(buf.join('')); buf = []; size = 0; }
    }
    if (buf.length) write(buf.join(''));
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
