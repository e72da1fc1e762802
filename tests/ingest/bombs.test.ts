import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

/** A DOCX of a few hundred KB whose document.xml unpacks to `mb` megabytes. */
async function docxBomb(mb: number): Promise<string> {
  const zip = new JSZip();
  const para = '<w:p><w:r><w:t>常委会组成人员每人联系3名以上代表。</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil((mb * 1048576) / Buffer.byteLength(para)));
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  const file = join(mkdtempSync(join(tmpdir(), 'zhidu-bomb-')), 'bomb.docx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  return file;
}

describe('archive bombs', () => {
  it('a small DOCX that unpacks past the 16 MB cap is refused as input/too-large (exit 11) before it is inflated', async () => {
    const file = await docxBomb(40);
    const err: string[] = [];
    const code = await run(['extract', file], { stdout: () => {}, stderr: (s) => { err.push(s); } });
    expect(code).toBe(11);
    expect(err.join('')).toMatch(/bomb\.docx: DOCX declares 40 MB of content, more than the 16 MB limit per document when unpacked .* \[input\/too-large\]\n$/u);
  }, 30_000);
});

describe('oversized PDFs', () => {
  it('a PDF of more than 2000 pages is refused as input/too-large, after parsing at most 2000', async () => {
    // the project's own minimal PDF writer (scripts/fixtures.mjs): one line per page
    const { pdf } = await import('../../scripts/fixtures.mjs');
    const bytes: Buffer = pdf(Array.from({ length: 2005 }, (_, i) => `第${i + 1}页 常委会组成人员每人联系3名以上代表。`), { perPage: 1 });
    const file = join(mkdtempSync(join(tmpdir(), 'zhidu-pages-')), 'many.pdf');
    writeFileSync(file, bytes);
    const err: string[] = [];
    expect(await run(['extract', file], { stdout: () => {}, stderr: (s) => { err.push(s); } })).toBe(11);
    expect(err.join('')).toContain('PDF has 2005 pages, more than the 2000 a document may have; split it first [input/too-large]');
  }, 120_000);
});
