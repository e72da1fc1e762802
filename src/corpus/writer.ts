import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync, createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BOM } from '../render/csv.js';
import { csvHeaders, type DocResult, type OutputName } from './records.js';

export interface ProgressEntry { key: string; path: string; sha256: string | null; version: string; packs?: string; ok: boolean; code?: string }

const JSONL: OutputName[] = ['documents', 'obligations', 'statistics', 'named-numbers', 'errors'];
const CSV: OutputName[] = ['documents.csv', 'obligations.csv', 'statistics.csv'];
const fileOf = (n: OutputName) => (n.endsWith('.csv') ? n : `${n}.jsonl`);

/**
 * Append-only output files. Each document's lines go out in one write per file, then a line in
 * progress.jsonl marks the document done; on --resume, lines of documents not marked done (an interrupted
 * write) and any half-written last line are removed before the run continues, so nothing is duplicated
 * and nothing partial is ever read as data.
 */
export class CorpusWriter {
  private fds = new Map<OutputName | 'progress', number>();
  readonly outputs: OutputName[];

  constructor(readonly dir: string, readonly csv: boolean, readonly bom = true, readonly headers: Partial<Record<OutputName, string>> = csvHeaders([])) {
    this.outputs = csv ? [...JSONL, ...CSV] : JSONL;
  }

  /**
   * Completed entries of an earlier run (resume) that `keep` accepts, after cleaning every output file to
   * match them: a document done by another tool version or other rule packs is dropped with its lines, and
   * so runs again, never twice.
   */
  async open(resume: boolean, keep: (e: ProgressEntry) => boolean = () => true): Promise<ProgressEntry[]> {
    const progressPath = join(this.dir, 'progress.jsonl');
    let done: ProgressEntry[] = [];
    if (resume && existsSync(progressPath)) {
      done = completeLines(readFileSync(progressPath, 'utf8')).map((l) => JSON.parse(l) as ProgressEntry).filter(keep);
      writeFileSync(progressPath, done.map((d) => JSON.stringify(d) + '\n').join(''));
      const keys = new Set(done.map((d) => d.key));
      for (const n of this.outputs) await filterFile(join(this.dir, fileOf(n)), n.endsWith('.csv'), keys);
    }
    for (const n of this.outputs) {
      const p = join(this.dir, fileOf(n));
      const fresh = !resume || !existsSync(p);
      this.fds.set(n, openSync(p, fresh ? 'w' : 'a'));
      // a spreadsheet on Chinese Windows reads UTF-8 only after a byte-order mark
      if (fresh && this.headers[n]) writeSync(this.fds.get(n)!, (this.bom ? BOM : '') + this.headers[n]!);
    }
    this.fds.set('progress', openSync(progressPath, resume ? 'a' : 'w'));
    return done;
  }

  write(r: DocResult, version: string, packs: string): void {
    for (const n of this.outputs) {
      const lines = r.lines[n];
      if (lines?.length) writeSync(this.fds.get(n)!, lines.join(n.endsWith('.csv') ? '\r\n' : '\n') + (n.endsWith('.csv') ? '\r\n' : '\n'));
    }
    const entry: ProgressEntry = { key: r.key, path: r.path, sha256: r.sha256, version, packs, ok: r.ok, ...(r.code ? { code: r.code } : {}) };
    writeSync(this.fds.get('progress')!, JSON.stringify(entry) + '\n');
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/** Lines that ended with a newline; a last line without one was cut off mid-write. */
function completeLines(text: string): string[] {
  const parts = text.split('\n');
  parts.pop();
  return parts.filter((l) => l.trim());
}

/** Keep the header and the records whose key is done; stream through a temp file, then rename. */
async function filterFile(path: string, csv: boolean, keys: Set<string>): Promise<void> {
  if (!existsSync(path)) return;
  const tmp = `${path}.resume-tmp`;
  const out = createWriteStream(tmp);
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let first = true;
  let pending: string | null = null;
  for await (const line of rl) {
    // the previous line is known complete once another line follows it
    if (pending !== null) out.write(pending);
    pending = null;
    if (csv && first) { pending = line + '\r\n'; first = false; continue; }
    first = false;
    const key = csv ? csvKey(line) : jsonKey(line);
    if (key !== null && keys.has(key)) pending = line + (csv ? '\r\n' : '\n');
  }
  const raw = readFileSync(path);
  // a last line without its newline was cut off: drop it
  if (pending !== null && raw.length && raw[raw.length - 1] === 0x0a) out.write(pending);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  renameSync(tmp, path);
}

function jsonKey(line: string): string | null {
  try {
    return (JSON.parse(line) as { key?: string }).key ?? null;
  } catch {
    return null;
  }
}

/** The key is the first CSV field; it never needs quoting (sha256:path without commas) or is quoted. */
function csvKey(line: string): string | null {
  if (line.startsWith('"')) {
    const m = /^"((?:[^"]|"")*)"/.exec(line);
    return m ? m[1]!.replace(/""/g, '"') : null;
  }
  const i = line.indexOf(',');
  return i < 0 ? null : line.slice(0, i);
}
