import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { analyseBytes } from '../../src/pipeline.js';
import { loadRules } from '../../src/packs/index.js';

// Hostile input, small: behaviour only (times are in npm run bench:adversarial).
const tmp = (name: string, bytes: Buffer) => { const f = join(mkdtempSync(join(tmpdir(), 'zhidu-hostile-')), name); writeFileSync(f, bytes); return f; };
const io = () => { const err: string[] = []; const out: string[] = []; return { err, out, io: { stdout: (s: string) => { out.push(s); }, stderr: (s: string) => { err.push(s); } } }; };

describe('text without punctuation', () => {
  it('“3名以上” repeated with no punctuation: every quantity found, clauses cut at a bounded length, output proportional', async () => {
    const text = '3名以上'.repeat(2000);
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'run.txt');
    const items = [...doc.obligations, ...doc.statistics];
    expect(items.filter((x) => x.quantity).length).toBe(2000);
    const max = loadRules().structure['max-clause'];
    expect(Math.max(...items.map((x) => x.text.length))).toBeLessThanOrEqual(max);
    expect(doc.sentences).toBeUndefined();
    // each item carries one bounded clause, so the JSON grows with what was found, not with its square
    expect(JSON.stringify(doc).length / items.length).toBeLessThan(2000);
  });
});

describe('HTML', () => {
  it('entities are decoded; an unclosed <script> and an unclosed comment hide what follows them, nothing else', async () => {
    const html = '<html><head><title>标题 &raquo; 首页</title></head><body><p>&copy; 2024 常委会组成人员每人联系3名以上代表&hellip;</p><p>A&amp;B</p><!-- <p>注释</p><script>var x = "10名以上";';
    const { doc } = await analyseBytes(Buffer.from(html, 'utf8'), 'page.html');
    expect(doc.text).toBe('© 2024 常委会组成人员每人联系3名以上代表…\n\nA&B');
    expect(doc.obligations.map((o) => o.quantity?.raw)).toEqual(['3名以上']);
  });
});

describe('encodings', () => {
  it('a lone surrogate in a UTF-16 file with a BOM is invalid text (exit 7), not a crash', async () => {
    const body = Buffer.alloc(6);
    body.write('长', 0, 'utf16le');
    body.writeUInt16LE(0xd800, 2);
    body.write('春', 4, 'utf16le');
    const t = io();
    expect(await run(['extract', tmp('lone.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]))], t.io)).toBe(7);
    expect(t.err.join('')).toContain('has a UTF-16LE byte-order mark but invalid UTF-16LE (an unpaired surrogate or an odd byte count) [input/unknown-encoding]');
  });

  it('one NUL byte after 8 KB of valid UTF-8 is text: kept in `text`, a space in the normalised view', async () => {
    const bytes = Buffer.concat([Buffer.from('常委会组成人员每人联系3名以上代表。\n'.repeat(200), 'utf8'), Buffer.from([0]), Buffer.from('结束。\n', 'utf8')]);
    const { doc, ctx } = await analyseBytes(bytes, 'nul.txt');
    expect([doc.source.encoding, doc.text.includes('\u0000'), ctx.norm.includes('\u0000'), doc.obligations.length]).toEqual(['utf-8', true, false, 200]);
    expect(JSON.parse(JSON.stringify(doc)).text).toBe(doc.text);
  });

  it('a lone surrogate that reaches the text (an HTML character reference) is reported and read as U+FFFD in the normalised view', async () => {
    const { doc, ctx } = await analyseBytes(Buffer.from('<p>常委会&#xD800;组成人员每人联系3名以上代表</p>', 'utf8'), 'sur.html');
    const d = doc.diagnostics.find((x) => x.code === 'ingest/lone-surrogate');
    if (doc.text.includes('\uD800')) {
      expect(d?.message).toContain('1 unpaired surrogate');
      expect(ctx.norm.includes('\uD800')).toBe(false);
    } else {
      // the HTML decoder already replaced it: nothing unpaired is left anywhere
      expect(d).toBeUndefined();
    }
    expect(doc.obligations.map((o) => o.quantity?.raw)).toEqual(['3名以上']);
  });
});

describe('command line', () => {
  it('a file name that starts with a dash is read after --', async () => {
    const f = tmp('-dash.txt', Buffer.from('常委会组成人员每人联系3名以上代表。\n', 'utf8'));
    const t = io();
    expect(await run(['extract', '--format', 'jsonl', '--', f], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('')).obligations).toHaveLength(1);
  });
});

describe('repeats and manifests', () => {
  it('a line printed many times is one repeated passage: flagged once, its copies duplicates', async () => {
    const line = '常委会组成人员每人每年联系3名以上代表，走访代表不少于4次。\n';
    const { doc } = await analyseBytes(Buffer.from('工作综述\n' + line.repeat(300), 'utf8'), 'repeat.txt');
    expect(doc.boilerplate.filter((b) => b.reason === 'duplicate')).toHaveLength(1);
    const items = [...doc.obligations, ...doc.statistics].filter((x) => x.quantity);
    expect(items).toHaveLength(600);
    expect(items.filter((x) => !x.duplicate)).toHaveLength(2);
  });

  it('compare refuses a manifest entry that points outside its corpus folder, and goes on with the rest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhidu-cmp-outside-'));
    const dir = join(root, 'corpus');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), '关于加强自身建设的意见\n一、联系代表\n1.常委会组成人员每人联系3名以上代表。\n');
    writeFileSync(join(root, 'secret.txt'), '不应读取\n');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ documents: [{ file: 'a.txt' }, { file: '../secret.txt' }] }));
    const t = io();
    expect(await run(['compare', dir], t.io)).toBe(12);
    expect(t.err.join('')).toContain('manifest entry "../secret.txt" points outside its corpus folder');
    expect(t.out.join('')).not.toContain('不应读取');
  });
});

describe('long runs', () => {
  it('a run of Chinese numerals is no quantity and no sentence longer than the bound', async () => {
    const { doc } = await analyseBytes(Buffer.from('一二三四五六七八九十百千万亿两零'.repeat(3000), 'utf8'), 'numerals.txt');
    expect([...doc.obligations, ...doc.statistics].filter((x) => x.quantity)).toEqual([]);
  });

  it('one unpunctuated paragraph of real sentences: its rules are still found, in bounded clauses', async () => {
    const { seedText } = await import('../helpers.js');
    const text = seedText('000_d228cdf30e402d53').replace(/[，。；：、,.;:\s]/gu, '');
    const { doc } = await analyseBytes(Buffer.from(text.repeat(5), 'utf8'), 'paragraph.txt');
    const raws = doc.obligations.filter((o) => o.quantity).map((o) => o.quantity!.raw);
    expect(raws.filter((r) => r === '3名以上')).toHaveLength(5);
    expect(Math.max(...doc.obligations.map((o) => o.text.length))).toBeLessThanOrEqual(loadRules().structure['max-clause']);
  });
});
