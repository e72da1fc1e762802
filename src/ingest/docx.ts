import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ZhiduError } from '../core/errors.js';
import type { Diagnostic } from '../schema/document.js';

export interface DocxText { text: string; diagnostics: Diagnostic[] }

/**
 * Paragraph text of a DOCX through mammoth, one paragraph per line. Word's automatic list numbering
 * (一、 1. generated from numbering.xml) is not part of the paragraph text; when the document uses it,
 * a warning says how many paragraphs lost their number, so structure counts can be read with care.
 */
export async function docxToText(bytes: Uint8Array, file: string): Promise<DocxText> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `DOCX is not a readable zip container (${(e as Error).message})`, cause: e });
  }
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
