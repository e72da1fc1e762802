import { createRequire } from 'node:module';
import { ZhiduError } from '../core/errors.js';
import type { Diagnostic } from '../schema/document.js';

const require = createRequire(import.meta.url);

interface TextItem { str: string; transform: number[] }
interface PageData { getTextContent(o: object): Promise<{ items: TextItem[] }> }
type PdfParse = (b: Buffer, o: object) => Promise<{ numpages: number }>;

export interface PdfText { text: string; pages: number; pageSpans: [number, number][]; diagnostics: Diagnostic[] }

/** One page's text layer: items on the same baseline joined, a new baseline starts a new line. */
async function pageText(page: PageData): Promise<string> {
  const content = await page.getTextContent({ normalizeWhitespace: false, disableCombineTextItems: false });
  let out = '';
  let lastY: number | undefined;
  for (const item of content.items) {
    const y = item.transform[5];
    if (lastY !== undefined && y !== lastY) out += '\n';
    out += item.str;
    lastY = y;
  }
  return out;
}

/** Text layer of a PDF through pdf-parse, pages in order and separated by a blank line. */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<PdfText> {
  // the library entry point runs a self-test when imported as a module; the lib file does not
  const parse = require('pdf-parse/lib/pdf-parse.js') as PdfParse;
  const pages: string[] = [];
  const warnings: string[] = [];
  const origLog = console.log;
  // pdf.js prints its warnings on stdout, which would corrupt JSON output
  console.log = (...a: unknown[]) => { warnings.push(a.map(String).join(' ')); };
  let numpages = 0;
  try {
    const r = await parse(Buffer.from(bytes), {
      pagerender: async (p: PageData) => {
        const t = await pageText(p);
        pages.push(t);
        return t;
      },
    });
    numpages = r.numpages;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    const msg = (e as Error).message ?? String(e);
    if (name === 'PasswordException' || /password|encrypt/i.test(msg)) {
      throw new ZhiduError({ code: 'input/pdf-encrypted', stage: 'ingest', file, message: 'PDF is encrypted or password protected' });
    }
    throw new ZhiduError({ code: 'input/corrupt', stage: 'ingest', file, message: `PDF cannot be read (${msg.split('\n')[0]})`, cause: e });
  } finally {
    console.log = origLog;
  }
  const pageSpans: [number, number][] = [];
  let text = '';
  pages.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    pageSpans.push([text.length, text.length + p.length]);
    text += p;
  });
  if (!text.replace(/\s+/g, '')) {
    throw new ZhiduError({ code: 'input/pdf-no-text', stage: 'ingest', file, message: `PDF has ${numpages} page(s) but no text layer (scanned images need OCR first)` });
  }
  const diagnostics: Diagnostic[] = warnings.length
    ? [{ severity: 'info', code: 'ingest/pdf-warning', stage: 'ingest', message: `pdf.js: ${warnings[0]!.slice(0, 200)}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}` }]
    : [];
  return { text, pages: numpages, pageSpans, diagnostics };
}
