import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ZhiduError } from '../core/errors.js';
import type { Diagnostic, Source } from '../schema/document.js';
import { decodeBytes, looksBinary } from './decode.js';
import { pdfToText } from './pdf.js';

export { decodeBytes } from './decode.js';

export interface Ingested { source: Source; text: string; diagnostics: Diagnostic[] }

/**
 * Inputs above this are refused with a clear message rather than risking memory: the document model keeps
 * offsets and tokens for every character, about 60 times the text's size at peak. Real documents are well
 * under 1 MB; a larger file is usually a whole gazette to be split first.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const FORMATS: Record<string, Source['format']> = { '.txt': 'txt', '.text': 'txt', '.md': 'txt', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.pdf': 'pdf', '.docx': 'docx' };

export function readInput(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ZhiduError({ code: 'input/missing', stage: 'ingest', file: path, message: 'no such file' });
  }
  if (st.isDirectory()) throw new ZhiduError({ code: 'input/missing', stage: 'ingest', file: path, message: 'is a directory, not a file' });
  if (st.size > MAX_INPUT_BYTES) {
    throw new ZhiduError({ code: 'input/too-large', stage: 'ingest', file: path, message: `${(st.size / 1048576).toFixed(1)} MB exceeds the ${MAX_INPUT_BYTES / 1048576} MB limit per document; split it first` });
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ZhiduError({ code: 'input/missing', stage: 'ingest', file: path, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
}

function formatOf(path: string, bytes: Uint8Array): Source['format'] {
  const ext = extname(path).toLowerCase();
  const byExt = FORMATS[ext];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return 'pdf';
  if (byExt === 'pdf') return 'pdf'; // a truncated PDF with a broken header still gets the PDF error
  if (head.startsWith('PK\u0003\u0004') && (byExt === 'docx' || !byExt)) return 'docx';
  if (byExt) return byExt;
  if (ext === '.doc') throw new ZhiduError({ code: 'input/unsupported-format', stage: 'ingest', file: path, message: 'legacy Word .doc is not supported; save it as .docx' });
  if (ext === '') {
    if (looksBinary(bytes)) throw new ZhiduError({ code: 'input/binary', stage: 'ingest', file: path, message: 'binary data, not text' });
    return /^\s*<(?:!doctype html|html)/i.test(new TextDecoder().decode(bytes.subarray(0, 512))) ? 'html' : 'txt';
  }
  throw new ZhiduError({ code: 'input/unsupported-format', stage: 'ingest', file: path, message: `unsupported file type "${ext}" (expected .txt, .html, .pdf or .docx)` });
}

/** Bytes → decoded source text and its provenance. The text is kept exactly as decoded (BOM removed). */
export async function ingestBytes(bytes: Uint8Array, path: string): Promise<Ingested> {
  if (bytes.length === 0) throw new ZhiduError({ code: 'input/empty', stage: 'ingest', file: path, message: 'file is empty (0 bytes)' });
  const format = formatOf(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  let encoding = 'utf-8';
  let diagnostics: Diagnostic[] = [];
  let pages: number | undefined;
  let blocks: Source['blocks'];
  if (format === 'pdf') {
    const r = await pdfToText(bytes, path);
    ({ text, diagnostics, pages } = r);
    encoding = 'pdf-text-layer';
    blocks = r.pageSpans.map((span, i) => ({ kind: 'page' as const, n: i + 1, span }));
  } else if (format === 'docx') {
    // mammoth and htmlparser2 are loaded when their format first comes, not at start-up
    const { docxToText } = await import('./docx.js');
    ({ text, diagnostics } = await docxToText(bytes, path, MAX_INPUT_BYTES));
    encoding = 'docx-xml';
  } else if (format === 'html') {
    const { htmlToText } = await import('./html.js');
    ({ text, encoding } = htmlToText(bytes, path));
  } else {
    ({ text, encoding } = decodeBytes(bytes, path));
  }
  if (!text.trim()) throw new ZhiduError({ code: 'input/empty', stage: 'ingest', file: path, message: 'no text after decoding' });
  const source: Source = { path, name: basename(path), format, encoding, bytes: bytes.length, sha256 };
  if (pages !== undefined) source.pages = pages;
  if (blocks) source.blocks = blocks;
  return { source, text, diagnostics };
}

export async function ingestFile(path: string): Promise<Ingested> {
  return ingestBytes(readInput(path), path);
}
