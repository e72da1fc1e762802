import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZhiduError } from '../../src/core/errors.js';
import { ingestFile } from '../../src/ingest/index.js';
import { analyseFile } from '../../src/pipeline.js';
// the fixtures are made by the project's own script from seed text
import { makeFixtures, SEED, SEED_HTML } from '../../scripts/fixtures.mjs';

let fx: Record<string, string>;
const seed = readFileSync(SEED, 'utf8');
const seedParas = seed.split('\n').filter((l) => l.trim());
const htmlLine0 = readFileSync(SEED_HTML, 'utf8').split('\n')[0]!.replace(/[ \t\r\n\f]+/g, ' ').trim();

beforeAll(async () => {
  fx = await makeFixtures(mkdtempSync(join(tmpdir(), 'zhidu-fx-')));
});

describe('text encodings', () => {
  it.each([
    ['gb18030.txt', 'gb18030'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['utf16le-nobom.txt', 'utf-16le'],
    ['utf8-bom.txt', 'utf-8-bom'],
  ])('%s decodes to the seed text exactly (%s)', async (name, enc) => {
    const ing = await ingestFile(fx[name]!);
    expect(ing.source.encoding).toBe(enc);
    expect(ing.text).toBe(seed);
    expect(ing.source.format).toBe('txt');
  });

  it('keeps \\r\\n in text and still finds the same rules', async () => {
    const a = await analyseFile(fx['crlf.txt']!);
    expect(a.doc.text).toBe(seed.replace(/\n/g, '\r\n'));
    const q = a.doc.obligations.filter((o) => o.quantity).map((o) => [o.quantity!.raw, a.doc.text.slice(...o.quantity!.span)]);
    expect(q).toEqual([['3名以上', '3名以上'], ['1次', '1次'], ['两次', '两次']]);
  });

  it('gives the same extraction for the GB18030 copy as for the UTF-8 seed', async () => {
    const a = await analyseFile(fx['gb18030.txt']!);
    const b = await analyseFile(SEED);
    expect(a.doc.obligations).toEqual(b.doc.obligations);
    expect(a.doc.meta).toEqual(b.doc.meta);
  });
});

describe('HTML, DOCX and PDF', () => {
  it('HTML: visible text only, one block per line, scripts and navigation dropped', async () => {
    for (const name of ['page.html', 'page-gbk.html']) {
      const a = await analyseFile(fx[name]!);
      expect(a.doc.source.format).toBe('html');
      expect(a.doc.text).not.toContain('tracker');
      expect(a.doc.text).not.toContain('首页');
      // runs of ASCII white space fold to one space, as a browser shows them; no-break spaces stay
      // GBK has no no-break space: the encoder wrote '?' there
      expect(a.doc.text.split('\n')[0]).toBe(name === 'page.html' ? htmlLine0 : htmlLine0.replace(/\u00a0/g, '?'));
      expect(a.doc.meta.title).toBe('东城区第十六届人大常委会关于加强自身建设的意见');
      expect(a.doc.meta.publishedOn).toBe('2019-04-25');
      expect(a.doc.structure.length).toBe(6);
      expect(a.doc.structure.reduce((n, s) => n + s.articles.length, 0)).toBe(18);
      expect(a.doc.boilerplate.map((b) => b.reason)).toEqual(['breadcrumb', 'page-furniture']);
    }
  });

  it('DOCX: one paragraph per line, text equal to the seed paragraphs', async () => {
    const a = await analyseFile(fx['doc.docx']!);
    expect(a.doc.source.format).toBe('docx');
    expect(a.doc.text).toBe(seedParas.join('\n'));
    expect(a.doc.structure.reduce((n, s) => n + s.articles.length, 0)).toBe(20);
    expect(a.doc.diagnostics).toEqual([]);
  });

  it('DOCX: automatic list numbering is reported as lost', async () => {
    const a = await analyseFile(fx['numbered.docx']!);
    expect(a.doc.diagnostics.map((d) => d.code)).toEqual(['ingest/docx-numbering-lost']);
    expect(a.doc.diagnostics[0]!.message).toMatch(/^20 paragraph\(s\) use Word automatic numbering/);
    expect(a.doc.structure.reduce((n, s) => n + s.articles.length, 0)).toBe(0);
  });

  it('PDF: text layer in page order, wrapped lines joined in the normalised view only', async () => {
    const a = await analyseFile(fx['doc.pdf']!);
    expect(a.doc.source.format).toBe('pdf');
    expect(a.doc.source.pages).toBe(2);
    expect(a.doc.source.blocks!.map((b) => b.n)).toEqual([1, 2]);
    // pdf.js trims the white space a line ends with
    const wrapped = seedParas.flatMap((p) => p.match(/.{1,48}/gu)!).map((l) => l.trimEnd());
    expect(a.doc.text.replace(/\n\n/g, '\n')).toBe(wrapped.join('\n'));
    expect(a.doc.meta.title).toBe('长春市人民代表大会常务委员会关于进一步加强自身建设的意见');
    expect(a.doc.meta.adoptedOn).toBe('2022-05-13');
    const q = a.doc.obligations.filter((o) => o.quantity).map((o) => ({ raw: o.quantity!.raw, value: o.quantity!.value, topic: o.topic }));
    expect(q).toEqual([
      { raw: '3名以上', value: 3, topic: 'deputy-contact' },
      { raw: '1次', value: 1, topic: 'research-inspection' },
      { raw: '两次', value: 2, topic: 'attendance-discipline' },
    ]);
  });
});

describe('bad input: one class, one code', () => {
  it.each([
    ['empty.txt', 'input/empty', 5],
    ['binary.txt', 'input/binary', 6],
    ['undecodable.txt', 'input/unknown-encoding', 7],
    ['scanned.pdf', 'input/pdf-no-text', 8],
    ['encrypted.pdf', 'input/pdf-encrypted', 9],
    ['truncated.pdf', 'input/corrupt', 10],
    ['corrupt.docx', 'input/corrupt', 10],
    ['notes.xyz', 'input/unsupported-format', 4],
  ])('%s → %s (exit %d)', async (name, code, exit) => {
    const err = await ingestFile(fx[name]!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZhiduError);
    expect((err as ZhiduError).code).toBe(code);
    expect((err as ZhiduError).exitCode).toBe(exit);
  });

  it('a missing path is input/missing (exit 3)', async () => {
    const err = (await ingestFile('/no/such/file.txt').catch((e: unknown) => e)) as ZhiduError;
    expect([err.code, err.exitCode, err.message]).toEqual(['input/missing', 3, 'no such file']);
  });
});
