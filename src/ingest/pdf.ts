import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ZhiduError } from '../core/errors.js';
import type { Diagnostic } from '../schema/document.js';

/** More pages than this is a gazette or a book, not a document: refused before the rest is parsed. */
export const MAX_PDF_PAGES = 2000;

export interface PdfText { text: string; pages: number; pageSpans: [number, number][]; diagnostics: Diagnostic[] }

/**
 * Text layer of a PDF through pdf-parse: pages in order, separated by a blank line, each page's span kept
 * so a result can be traced to its page. pdf-parse (and pdf.js under it) is loaded only when a PDF comes.
 */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<PdfText> {
  const { PDFParse } = await import('pdf-parse');
  // the Adobe CMaps and standard fonts that pdfjs-dist ships: without them a PDF set in a non-embedded CJK
  // font (STSong-Light with UniGB-UCS2-H, common in official PDFs) reads as having no text
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const parser = new PDFParse({
    data: new Uint8Array(bytes), verbosity: 0,
    cMapUrl: join(pdfjs, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(pdfjs, 'standard_fonts') + '/',
  } as ConstructorParameters<typeof PDFParse>[0]);
  let pages: { num: number; text: string }[];
  let total: number;
  try {
    // at most MAX_PDF_PAGES pages are ever parsed, whatever the file claims
    const r = await parser.getText({ pageJoiner: '', cellSeparator: ' ', first: MAX_PDF_PAGES });
    pages = r.pages;
    total = r.total;
    if (total > MAX_PDF_PAGES) {
      throw new ZhiduError({ code: 'input/too-large', stage: 'ingest', file, message: `PDF has ${total} pages, more than the ${MAX_PDF_PAGES} a document may have; split it first` });
    }
  } catch (e) {
    if (e instanceof ZhiduError) throw e;
    const name = (e as { name?: string }).name ?? '';
    const msg = (e as Error).message ?? String(e);
    if (name === 'PasswordException') {
      throw new ZhiduError({ code: 'input/pdf-encrypted', stage: 'ingest', file, message: 'PDF is encrypted or password protected' });
    }
    throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `PDF cannot be read (${msg.split('\n')[0]})`, cause: e });
  } finally {
    await parser.destroy();
  }
  const pageSpans: [number, number][] = [];
  let text = '';
  pages.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    const t = p.text.replace(/\s+$/u, '');
    pageSpans.push([text.length, text.length + t.length]);
    text += t;
  });
  if (!text.replace(/\s+/g, '')) {
    throw new ZhiduError({ code: 'input/pdf-no-text', stage: 'ingest', file, message: `PDF has ${total} page(s) but no text layer (scanned images need OCR first)` });
  }
  return { text, pages: total, pageSpans, diagnostics: [] };
}
