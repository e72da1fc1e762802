import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { compare, describe as describeDoc, expandInputs, type CompareInput } from '../../src/compare/index.js';
import { analyseBytes, analyseFile } from '../../src/pipeline.js';
import { comparisonToHtml } from '../../src/render/compare.js';
import { ROOT } from '../helpers.js';

// The HTML report in a real browser: Debian's chromium driven by playwright-core (no browser download).
// .ci/run installs chromium; elsewhere the test is skipped when no chromium is found, and says so.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTEFACTS = join(ROOT, 'tests', 'artefacts');
const REG = join(ROOT, 'corpora', 'regulations');

let browser: Browser;
let file: string;

async function inputs(paths: string[]): Promise<CompareInput[]> {
  const out: CompareInput[] = [];
  for (const { path, entry } of expandInputs(paths)) {
    const analysis = await analyseFile(path);
    out.push({ info: describeDoc(analysis, path, entry), analysis, reference: path.includes('national') });
  }
  return out;
}

describe.skipIf(!CHROMIUM && !process.env.CI)('the HTML report in headless Chromium', () => {
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('CI needs /usr/bin/chromium (apt-get install chromium): .ci/run installs it');
    const docs = await inputs(['21_shandong_daibiao-jianyi_2017', '29_henan_daibiao-jianyi_2017', '34_zhejiang_daibiao-jianyi_2016', '39_chongqing_daibiao-jianyi_2017', '43_national_daibiaofa_2025'].map((id) => join(REG, `${id}.txt`)));
    mkdirSync(ARTEFACTS, { recursive: true });
    file = join(ARTEFACTS, 'report.html');
    writeFileSync(file, comparisonToHtml(compare(docs), { generatedAt: '2026-11-24T00:00:00Z' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  }, 60_000);
  afterAll(async () => { await browser?.close(); });

  it('renders offline, a click on a cell shows its clause with the number highlighted, and filters hide rows', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('#matters tbody tr').count()).toBeGreaterThan(10);
    const cell = page.locator('tr', { hasText: '代表不满意后再次答复的期限' }).locator('td[data-doc="39_chongqing_daibiao-jianyi_2017"] button.item');
    await cell.click();
    await expect.poll(() => page.locator('#detail mark').textContent()).toBe('两个月内');
    expect(await page.locator('#detail .clause').textContent()).toContain('在收到重新办理要求后两个月内书面答复代表');
    // the header sticks while the table scrolls
    expect(await page.locator('#matters thead th').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    await page.selectOption('#f-measure', 'share');
    expect(await page.locator('#matters tbody tr:not(.hidden)').count()).toBe(0);
    await page.selectOption('#f-measure', 'deadline');
    expect(await page.locator('#matters tbody tr:not(.hidden)').count()).toBeGreaterThan(8);
    await page.selectOption('#f-place', '重庆市');
    expect(await page.locator('#matters thead th.doc:not(.hidden)').count()).toBe(1);
    await page.selectOption('#f-place', '');
    await cell.click();
    await page.screenshot({ path: join(ARTEFACTS, 'report.png'), fullPage: false });
    expect(requests).toEqual([]);
  }, 60_000);

  it('runs no script from a document: <script>, an onerror handler and a javascript: URL stay text', async () => {
    const hostile = '关于加强自身建设的意见\n一、工作要求\n1.常委会组成人员每人联系3名以上代表<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2"><a href="javascript:window.pwned=3">x</a>。\n';
    const a = await analyseBytes(Buffer.from(hostile, 'utf8'), 'hostile.txt');
    const b = await analyseFile(join(ROOT, 'corpora', 'renda', '000_d228cdf30e402d53.txt'));
    const c = compare([{ info: describeDoc(a, 'hostile.txt'), analysis: a }, { info: describeDoc(b, 'changchun.txt'), analysis: b }]);
    const html = comparisonToHtml(c);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.setContent(html);
    await page.locator('a').evaluateAll((as) => as.forEach((x) => (x as HTMLAnchorElement).click()));
    await page.locator('td[data-doc="hostile"] button.item').first().click();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('#detail').textContent()).toContain('<script>window.pwned=1</script>');
    expect(dialogs).toEqual([]);
  }, 60_000);
});
