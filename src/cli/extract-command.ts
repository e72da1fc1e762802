import { analyseEach } from './analyse-inputs.js';
import { documentToMarkdown } from '../render/markdown.js';
import type { ErrorRecord, ZhiduDocument } from '../schema/document.js';
import { emitChunks, type IO } from './io.js';
import { jsonDocument } from '../render/json-stream.js';
import { outputFormat } from './out-format.js';
import { withCodePointOffsets } from '../render/offsets.js';
import { exitCodeFor } from './exit.js';

export interface ExtractOptions { format?: 'json' | 'jsonl' | 'md'; out?: string; packs?: string; withSentences?: boolean; offsets?: 'utf16' | 'codepoint' }

/** `zhidu extract`: each input becomes a document or an error record; stderr gets one line per failure. */
export async function extractCommand(files: string[], opts: ExtractOptions, io: IO): Promise<number> {
  const format = outputFormat(opts.format, opts.out, ['json', 'jsonl', 'md'] as const, 'json');
  const results: (ZhiduDocument | ErrorRecord)[] = [];
  const failures = await analyseEach(files.map((path) => ({ path })), { packs: opts.packs, withSentences: opts.withSentences, ruleSentences: false }, io,
    ({ doc }) => results.push(opts.offsets === 'codepoint' ? withCodePointOffsets(doc) : doc),
    (f, { path }) => results.push({ error: { code: f.code, exitCode: f.exitCode, message: f.line.replace(/^zhidu: /, '') }, source: { path, name: path.split(/[\\/]/).pop() ?? path, sha256: null } }));
  // a single failed input produces no document to print; its error line already went to stderr
  if (files.length === 1 && failures.length === 1 && format !== 'jsonl') return exitCodeFor(files.length, failures);
  // written in pieces: the JSON of a 15 MB document is never one string
  const chunks = format === 'jsonl' ? results.map((r) => JSON.stringify(r) + '\n')
    : format === 'md' ? [results.map((r) => ('error' in r ? `# ${r.source.path}\n\nerror: ${r.error.message}\n` : documentToMarkdown(r))).join('\n---\n\n')]
      : jsonDocument(results.length === 1 ? results[0] : results, 4);
  emitChunks(io, opts.out, chunks);
  return exitCodeFor(files.length, failures);
}
