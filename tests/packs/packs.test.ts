import { mkdtempSync, mkdirSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, PackError, DEFAULT_PACK_DIR } from '../../src/packs/index.js';
import { analyseText } from '../helpers.js';

const rules = loadRules();
const ex = (id: string) => (rules.manifests[id]!.examples ?? []) as Record<string, unknown>[];

describe('every pack loads and records its version and hash', () => {
  it('lists the packs in load order', () => {
    expect(rules.packs.map((p) => `${p.id}@${p.version}`)).toEqual([
      'normalize@1.0.0', 'boilerplate@1.1.0', 'meta@1.0.0', 'quantity@1.7.0', 'named-numbers@1.1.0', 'obligation@1.2.0', 'topics@1.2.0', 'segment@1.1.0', 'compare@1.1.0',
    ]);
    for (const p of rules.packs) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a malformed pack with a message naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'quantity', 'quantity.yaml'), 'comparators: 3\n');
    expect(() => loadRules(dir)).toThrow(PackError);
    expect(() => loadRules(dir)).toThrow(/quantity[/\\]quantity\.yaml: comparators/);
  });

  it('refuses a duplicate lexicon entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'named-numbers'), { recursive: true });
    writeFileSync(join(dir, 'named-numbers', 'slogans.txt'), '四个意识\n四个意识\n');
    expect(() => loadRules(dir)).toThrow(/slogans\.txt: line 2: duplicate entry "四个意识"/);
  });
});

describe('pack examples run against the engine', () => {
  it.each(ex('quantity').map((e) => [e.text as string, e] as const))('quantity: %s', async (text, e) => {
    const { doc } = await analyseText(text as string);
    const qs = [...doc.obligations, ...doc.statistics].map((x) => x.quantity).filter((q) => q !== null);
    expect(qs.length).toBe(1);
    const q = qs[0]!;
    expect(q.raw).toBe(e.raw);
    expect(text.slice(...q.span)).toBe(e.raw);
    expect(q.unit).toBe(e.unit);
    if ('value' in e) expect(q.value).toBe(e.value);
    if ('min' in e) expect([q.min, q.max]).toEqual([e.min, e.max]);
    expect(q.comparator).toBe(e.comparator ?? 'eq');
    expect(q.approx).toBe(e.approx ?? false);
    expect(q.redacted).toBe(e.redacted ?? false);
  });

  it.each(rules.manifests.quantity!.counterexamples!)('not a quantity: %s', async (text) => {
    const { doc } = await analyseText(text);
    expect([...doc.obligations, ...doc.statistics].filter((x) => x.quantity)).toEqual([]);
  });

  it.each(ex('named-numbers').map((e) => [e.text as string, e.named as string[]] as const))('named numbers: %s', async (text, named) => {
    const { doc } = await analyseText(text);
    expect(doc.namedNumbers.map((n) => n.text)).toEqual(named);
    expect([...doc.obligations, ...doc.statistics].filter((x) => x.quantity)).toEqual([]);
  });

  it.each(ex('topics').map((e) => [e.text as string, e.topic as string] as const))('topic: %s → %s', async (text, topic) => {
    const { doc } = await analyseText(`关于加强自身建设的意见\n${text}。`);
    const items = [...doc.obligations, ...doc.statistics].filter((x) => x.quantity);
    expect(items.map((i) => i.topic)).toEqual([topic]);
  });

  it.each(ex('obligation').map((e) => [e.text as string, e] as const))('frame: %s', async (text, e) => {
    const { doc } = await analyseText(`${e.kind === 'statistic' ? '五年工作综述' : '关于加强自身建设的意见'}\n${text}。`);
    const items = [...doc.obligations, ...doc.statistics].filter((x) => x.quantity);
    expect(items.map((i) => i.kind)).toEqual([e.kind]);
    const o = items[0] as Record<string, unknown>;
    for (const k of ['modality', 'per', 'period']) if (k in e) expect(o[k]).toBe(e[k]);
  });
});
