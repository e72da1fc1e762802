import { mkdtempSync, mkdirSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, PackError, DEFAULT_PACK_DIR } from '../../src/packs/index.js';
import { analyseString, loadCheckedRules } from '../../src/pipeline.js';

const rules = loadRules();

describe('every pack loads and records its version and hash', () => {
  it('lists the packs in load order', () => {
    expect(rules.packs.map((p) => `${p.id}@${p.version}`)).toEqual([
      'normalize@1.1.0', 'boilerplate@1.1.0', 'meta@1.17.0', 'structure@1.2.0', 'quantity@2.38.0', 'named-numbers@1.8.0', 'obligation@2.75.0', 'topics@1.18.0', 'segment@1.6.0', 'compare@1.3.0', 'matters@1.14.0',
    ]);
    for (const p of rules.packs) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a malformed pack with a message naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'quantity', 'quantity.yaml'), 'grammar: {}\nrules: []\nmax-per-document: 50000\ncomparators: 3\n');
    expect(() => loadRules(dir)).toThrow(PackError);
    expect(() => loadRules(dir)).toThrow(/quantity[/\\]quantity\.yaml: comparators/);
  });

  it('refuses a time unit the scales cannot put in days', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'compare', 'scales.yaml'), 'days:\n  day: 1\n  workday: 7/5\nyears:\n  year: 1\n');
    expect(() => loadRules(dir)).toThrow(/compare[/\\]scales\.yaml: days: no entry for the time unit "month" of units\.txt/);
  });

  it('reads a scale written as a fraction exactly', () => {
    expect(rules.scales.years['day']).toBe(1 / 365);
    expect(rules.scales.days['workday']).toBe(1.4);
    expect(rules.scales.years['regular']).toBeUndefined();
  });

  it('refuses a duplicate lexicon entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'named-numbers'), { recursive: true });
    writeFileSync(join(dir, 'named-numbers', 'slogans.txt'), '四个意识\n四个意识\n');
    expect(() => loadRules(dir)).toThrow(/slogans\.txt: line 2: duplicate entry "四个意识"/);
  });
});

describe('pack examples run when the packs load', () => {
  it('every example of every pack holds (quantity, named numbers, topics, frames, structure)', () => {
    expect(() => loadCheckedRules()).not.toThrow();
    const n = Object.values(rules.manifests).reduce((k, m) => k + (m.examples?.length ?? 0) + (m.counterexamples?.length ?? 0), 0);
    expect(n).toBeGreaterThan(80);
  });

  it('a pack whose example fails refuses to load, naming the file, the rule, the expected and the actual', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'quantity', 'quantity.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{ text: 增长百分之五, raw: 百分之五, value: 5, unit: "%" }', '{ text: 增长百分之五, raw: 百分之五, value: 6, unit: "%" }'));
    expect(() => loadCheckedRules(dir)).toThrow(PackError);
    expect(() => loadCheckedRules(dir)).toThrow('quantity.yaml: rule quantity/percent-cn: example "增长百分之五": value expected 6, actual 5');
  });

  it('a rule that requires a literal its example\'s match lacks, or its pattern lacks, refuses to load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'quantity', 'quantity.yaml');
    const yaml = readFileSync(file, 'utf8');
    writeFileSync(file, yaml.replace('requires: 百分之', 'requires: 百分比'));
    expect(() => loadRules(dir)).toThrow(/quantity\.yaml: rule quantity\/percent-cn: requires "百分比", which its pattern does not contain/);
    writeFileSync(file, yaml.replace('requires: 成', 'requires: 成多').replace("tenths: '(?<![{cn-digit}\\d])(?<t>", "tenths: '(?:成多)?(?<![{cn-digit}\\d])(?<t>"));
    expect(() => loadRules(dir)).toThrow('quantity.yaml: rule quantity/tenths: requires "成多", but its example "其中九成以上已办结" matches "九成以上" without it');
  });

  it('a named-number pattern that requires a literal it lacks refuses to load; the literal skips texts without it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'named-numbers', 'named-numbers.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('requires: 普法', 'requires: 普及'));
    expect(() => loadRules(dir)).toThrow(/named-numbers\.yaml: pattern \[一二三四五六七八九十\]五普法: requires "普及", which the pattern does not contain/);
    const named = (text: string) => analyseString(`某市人大常委会工作报告\n${text}\n`, rules).doc.namedNumbers.map((n) => n.text);
    expect(named('全面完成七五普法规划，打造15分钟便民生活圈。')).toEqual(['七五普法', '15分钟便民生活圈']);
  });

  it('a matter example the lexicon gives another matter refuses to load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'matters', 'matters.yaml');
    // without 不满意 among its cues, re-answering a dissatisfied deputy is read as the ordinary answer
    writeFileSync(file, readFileSync(file, 'utf8').replace("any: [再次答复|重新答复|再次办理|重新研究办理|重新办理|重新书面答复], not: [仍不满意|质询]", "any: [再次答复|重新答复|再次办理|重新研究办理|重新办理|重新书面答复], not: [仍不满意|质询|不满意]"));
    expect(() => loadCheckedRules(dir)).toThrow('matters.yaml: rule examples: example "代表对答复不满意的，承办单位应当重新研究办理，并在一个月内再次答复代表。": matter expected suggestion-reanswer, actual null');
  });

  it('a counterexample that yields a quantity refuses to load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'quantity', 'pack.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('counterexamples:\n', 'counterexamples:\n  - 每年召开三次会议\n'));
    expect(() => loadCheckedRules(dir)).toThrow(/pack\.yaml: rule counterexamples: example "每年召开三次会议": quantities expected \[\], actual \["三次"\]/);
  });

  it('the named grammar refuses an unknown reference', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-packs-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    const file = join(dir, 'quantity', 'quantity.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("number: '(?:{arabic}|{cn-number}|{redacted})'", "number: '(?:{arabic}|{cn-numbr}|{redacted})'"));
    expect(() => loadRules(dir)).toThrow(/grammar: "\{cn-numbr\}" is used in "number"/);
  });
});
