import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ZhiduError } from '../core/errors.js';
import type { Diagnostic } from '../schema/document.js';

export interface DocxText { text: string; diagnostics: Diagnostic[] }

const tooLarge = (file: string, what: string, maxBytes: number) =>
  new ZhiduError({ code: 'input/too-large', stage: 'ingest', file, message: `DOCX ${what} more than the ${maxBytes / 1048576} MB limit per document when unpacked (a zip bomb, or a document to split first)` });

/**
 * A small DOCX can hold gigabytes of XML. Before mammoth inflates anything, the sizes the zip declares are
 * added up; since a declaration can lie, the XML parts are then inflated chunk by chunk, counting bytes and
 * stopping at the cap, so nothing past the limit is ever held in memory.
 */
async function refuseBomb(zip: JSZip, file: string, maxBytes: number): Promise<void> {
  if (!Number.isFinite(maxBytes)) return;
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const declared = entries.reduce((n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > maxBytes) throw tooLarge(file, `declares ${(declared / 1048576).toFixed(0)} MB of content,`, maxBytes);
  let seen = 0;
  for (const f of entries.filter((e) => /\.(?:xml|rels)$/i.test(e.name))) {
    await new Promise<void>((resolve, reject) => {
      // internalStream is JSZip's chunked reader (not in its type declarations)
      const stream = (f as unknown as { internalStream(t: 'uint8array'): { on(e: string, cb: (x: never) => void): void; pause(): void; resume(): void } }).internalStream('uint8array');
      stream.on('data', (chunk: Uint8Array) => {
        seen += chunk.length;
        if (seen > maxBytes) { stream.pause(); reject(tooLarge(file, 'holds', maxBytes)); }
      });
      stream.on('error', (e: Error) => reject(new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `DOCX part ${f.name} cannot be read (${e.message})`, cause: e })));
      stream.on('end', () => resolve());
      stream.resume();
    });
  }
}

/**
 * Paragraph text of a DOCX through mammoth, one paragraph per line. Word's automatic list numbering
 * (一、 1. generated from numbering.xml) is not part of the paragraph text; when the document uses it,
 * a warning says how many paragraphs lost their number, so structure counts can be read with care.
 */
export async function docxToText(bytes: Uint8Array, file: string, maxBytes = Infinity): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `DOCX is not a readable zip container (${(e as Error).message})`, cause: e });
  }
  await refuseBomb(zip, file, maxBytes);
  const main = zip.file('word/document.xml');
  if (!main) throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: 'DOCX has no word/document.xml' });
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `DOCX cannot be read (${(e as Error).message})`, cause: e });
  }
  // mammoth ends every paragraph with a blank line; one line per paragraph is what a .txt would hold
  const text = raw.replace(/\n\n/g, '\n').replace(/\n+$/, '');
  const xml = await main.async('string');
  const numbered = (xml.match(/<w:numPr>/g) ?? []).length;
  const diagnostics: Diagnostic[] = numbered
    ? [{ severity: 'warning', code: 'ingest/docx-numbering-lost', stage: 'ingest', message: `${numbered} paragraph(s) use Word automatic numbering; their numbers (一、 1.) are not in the text, so sections/articles built on them are not detected` }]
    : [];
  return { text, diagnostics };
}
