import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../src/pipeline.js';
import { quantityText } from '../../src/render/quantity-text.js';
import { ROOT, SEEDS, seedPath } from '../helpers.js';

const HARD = join(ROOT, 'tests', 'fixtures', 'docs', 'hard-cases.txt');

describe('hard cases the seeds do not have', () => {
  it('traditional characters, spaces and line breaks inside quantities, dash ranges, fractions, 含, compound units, spam', async () => {
    const { doc } = await analyseFile(HARD);
    const text = readFileSync(HARD, 'utf8');
    expect(doc.meta.title).toBe('某市人民代表大會常務委員會關於加強自身建設的若干規定');
    // 某市 is a placeholder: the place is redacted, not a place called 某市; its level (a city) is still said
    expect(doc.meta.place).toEqual({ name: null, level: 'city', redacted: true });
    expect(doc.meta.docType).toBe('rules');
    expect(doc.meta.adoptedOn).toBe('2024-03-01');
    expect(doc.boilerplate.map((b) => [b.reason, b.text])).toEqual([['advertising', '扫码关注公众号，免费领取资料']]);
    const rows = [...doc.obligations, ...doc.statistics]
      .filter((x) => x.quantity)
      .map((x) => [x.kind, x.article, x.topic, x.quantity!.raw, quantityText(x.quantity), x.kind === 'obligation' ? x.per : null, x.kind === 'obligation' ? x.period : x.period]);
    expect(rows).toEqual([
      ['obligation', '一.1', 'deputy-contact', '五名', '≥5 名', 'person', 'year'],
      ['obligation', '一.1', 'deputy-contact', '4 次', '≥4 次', 'person', 'year'],
      ['obligation', '一.2', 'research-inspection', '3次', '≥3 次', 'person', 'year'],
      ['obligation', '一.2', 'research-inspection', '1—2次', '1–2 次', 'person', 'year'],
      ['obligation', '一.3', 'committee-meeting', '一至二次', '1–2 次', null, 'quarter'],
      ['obligation', '一.3', 'committee-meeting', '三分之二以上', '≥2/3', null, 'occasion'],
      ['obligation', '二.4', 'attendance-discipline', '三次以上（含三次）', '≥3 次', null, 'year'],
      ['obligation', '二.5', 'committee-meeting', '过半数', '>0.5', null, null],
      ['obligation', '二.5', 'attendance-discipline', '二分之一', '<0.5', null, null],
      ['obligation', '二.6', 'proposals', '3件~5件', '3–5 件', 'person', 'year'],
      ['obligation', '二.6', 'proposals', '90%', '≥90 %', 'person', 'year'],
      ['statistic', '三.7', 'legislation', '12件', '12 件', null, '去年'],
      ['statistic', '三.7', 'legislation', '48条', '48 条', null, '去年'],
      ['statistic', '三.7', 'supervision', '2次', '2 次', null, '去年'],
      ['statistic', '三.7', 'proposals', '96次', '96 次', null, '去年'],
    ]);
    // every quantity span is the exact source slice, across the line break and the full-width space
    for (const x of [...doc.obligations, ...doc.statistics]) if (x.quantity) expect(text.slice(...x.quantity.span)).toBe(x.quantity.raw);
    const sanction = doc.obligations.find((o) => o.quantity?.raw === '三次以上（含三次）')!;
    expect(sanction.sanction?.text).toBe('予以通报批评');
    const freqOnly = doc.obligations.filter((o) => !o.quantity);
    expect(freqOnly.map((o) => [o.actor?.text, o.frequency, o.action?.text, o.topic])).toEqual([['市人大常委会驻会副主任', '每月', '安排接待代表活动', 'reception']]);
  });
});

describe('seed obligations, exact', () => {
  it('000 长春: three rules with their frames', async () => {
    const { doc } = await analyseFile(seedPath(SEEDS[0]));
    const q = doc.obligations.filter((o) => o.quantity).map((o) => ({
      raw: o.quantity!.raw, span: o.quantity!.span, value: o.quantity!.value, unit: o.quantity!.unit, cmp: o.quantity!.comparator,
      topic: o.topic, article: o.article, actor: o.actor?.text, per: o.per, period: o.period, action: o.action?.text, measure: o.quantity!.measure,
    }));
    expect(q).toEqual([
      { raw: '3名以上', span: [2303, 2307], value: 3, unit: '名', cmp: 'gte', topic: 'deputy-contact', article: '四.15', actor: '常委会组成人员', per: 'person', period: null, action: '联系3名以上市人大代表', measure: 'count' },
      { raw: '1次', span: [2563, 2565], value: 1, unit: '次', cmp: 'gte', topic: 'research-inspection', article: '四.16', actor: '常委会组成人员', per: 'person', period: 'year', action: '至少参加1次集中调研活动', measure: 'frequency' },
      { raw: '两次', span: [2853, 2855], value: 2, unit: '次', cmp: 'gte', topic: 'attendance-discipline', article: '五.18', actor: '常委会组成人员', per: null, period: 'year', action: '无正当理由两次不参加常委会会议或活动者', measure: 'count' },
    ]);
    for (const r of q) expect(doc.text.slice(...(r.span as [number, number]))).toBe(r.raw);
    const resign = doc.obligations.find((o) => o.quantity?.raw === '两次')!;
    expect(resign.sanction?.text).toBe('劝其辞去常委会组成人员职务');
    for (const o of doc.obligations) for (const part of [o.actor, o.action, o.cue, o.condition, o.sanction, o.from]) if (part) expect(doc.text.slice(...part.span)).toBe(part.text);
    expect(resign.quantity!.ruleId).toBe('quantity/violation-threshold');
  });

  it('003 长春 review: magnitudes, approximations and the range rule', async () => {
    const { doc } = await analyseFile(seedPath(SEEDS[3]));
    const by = (raw: string) => [...doc.statistics, ...doc.obligations].find((x) => x.quantity?.raw === raw)!;
    expect([by('1929.89万元').quantity!.value, by('1929.89万元').quantity!.unit, by('1929.89万元').topic]).toEqual([19298900, '元', 'donations']);
    expect([by('4万多人次').quantity!.value, by('4万多人次').quantity!.approx]).toEqual([40000, true]);
    expect([by('万余人次').quantity!.value, by('万余人次').quantity!.approx]).toEqual([10000, true]);
    expect(quantityText(by('1-3个').quantity)).toBe('1–3 个');
    expect(by('1-3个').kind).toBe('obligation');
    expect(by('200件以上').kind).toBe('statistic');
    const legis = doc.statistics.filter((s) => s.topic === 'legislation').map((s) => [s.quantity!.raw, s.metric, s.duplicate]);
    expect(legis.slice(0, 4)).toEqual([['15件', '地方性法规', false], ['13件', '地方性法规', false], ['44件次', '地方性法规', false], ['9件', '地方性法规', false]]);
    expect(legis.slice(4, 8).map((l) => l[2])).toEqual([true, true, true, true]);
    const metric = (raw: string) => { const x = by(raw) as { metric?: string | null; action?: string | null }; return [x.action, x.metric]; };
    expect([metric('12家'), metric('10余户'), metric('84.5万支'), metric('4.5万公斤'), metric('8部'), metric('43项')]).toEqual([
      [null, '现代农业企业'], [null, '脱贫群众家中'], ['捐献', '口罩'], ['捐献', '酒精'], [null, '法律法规'], ['决定', '决议决定'],
    ]);
  });
});
