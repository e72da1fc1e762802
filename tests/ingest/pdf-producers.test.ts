import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../src/pipeline.js';
import { CORPUS, SEEDS } from '../helpers.js';

// PDFs as real producers make them: Debian's chromium prints the seed (a "print to PDF" of a web page), and
// the PDF must read as the .txt reads — the same title, sections and rules. Chromium writes Kangxi radicals
// for some ideographs (⻓春市⼈⺠代表⼤会); the normalised view reads them back.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

async function printToPdf(txt: string, out: string): Promise<void> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!DOCTYPE html><html lang="zh"><meta charset="utf-8"><body style="font-family:'Noto Sans CJK SC',sans-serif">${txt.split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ path: out, format: 'A4' });
  } finally {
    await browser.close();
  }
}

const view = (d: Awaited<ReturnType<typeof analyseFile>>['doc']) => ({
  title: d.meta.title, place: d.meta.place.name, adoptedOn: d.meta.adoptedOn,
  sections: d.structure.map((s) => s.label),
  rules: d.obligations.filter((o) => o.quantity).map((o) => [o.article, o.quantity!.value, o.quantity!.unit, o.quantity!.comparator]),
});

describe.skipIf(!CHROMIUM && !process.env.CI)('PDFs printed by Chromium', () => {
  it.each([SEEDS[0], SEEDS[2]])('%s: the same title, sections and rules as the .txt, with a radicals warning', async (id) => {
    if (!CHROMIUM) throw new Error('CI needs /usr/bin/chromium: .ci/run installs it');
    const txt = join(CORPUS, `${id}.txt`);
    const pdf = join(mkdtempSync(join(tmpdir(), 'zhidu-print-')), `${id}.pdf`);
    await printToPdf(readFileSync(txt, 'utf8'), pdf);
    const fromPdf = (await analyseFile(pdf)).doc;
    const fromTxt = (await analyseFile(txt)).doc;
    expect(view(fromPdf)).toEqual(view(fromTxt));
    expect(fromPdf.source.format).toBe('pdf');
    expect(fromPdf.diagnostics.find((x) => x.code === 'ingest/pdf-radicals')?.message).toMatch(/^\d+ radical code point\(s\) stand for ideographs/u);
  }, 60_000);
});

describe('PDFs set in a standard, non-embedded Chinese font', () => {
  it('STSong-Light with the UniGB-UCS2-H CMap (as reportlab writes it) reads through the CMaps pdfjs-dist ships', async () => {
    const { pdf } = await import('../../scripts/fixtures.mjs');
    const txt = join(CORPUS, `${SEEDS[0]}.txt`);
    const file = join(mkdtempSync(join(tmpdir(), 'zhidu-stsong-')), 'stsong.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, pdf(readFileSync(txt, 'utf8').split('\n'), { standardCmap: true }));
    expect(view((await analyseFile(file)).doc)).toEqual(view((await analyseFile(txt)).doc));
  });
});

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(!SOFFICE && !process.env.CI)('PDFs made by LibreOffice', () => {
  it.each([SEEDS[0], SEEDS[1]])('%s: LibreOffice headless sets a space between digits and Chinese (2022 年); it still reads as the .txt', async (id) => {
    if (!SOFFICE) throw new Error('CI needs LibreOffice (apt-get install libreoffice-writer-nogui): .ci/run installs it');
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-lo-'));
    const txt = join(CORPUS, `${id}.txt`);
    const { execFileSync } = await import('node:child_process');
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, txt], { stdio: 'ignore', timeout: 120_000 });
    const fromPdf = (await analyseFile(join(dir, `${id}.pdf`))).doc;
    const fromTxt = (await analyseFile(txt)).doc;
    expect(view(fromPdf)).toEqual(view(fromTxt));
  }, 150_000);
});
