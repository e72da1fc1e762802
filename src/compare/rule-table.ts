import { pattern, type Rules } from '../packs/index.js';
import { quantityText } from '../render/quantity-text.js';
import type { Obligation } from '../schema/document.js';
import type { RuleRow, StatRow } from '../schema/compare.js';
import type { CompareInput } from './types.js';

const PERIOD: Record<string, string> = { year: '年', month: '月', quarter: '季度', week: '周', 'half-year': '半年', term: '届', occasion: '次会议' };

/**
 * The compact normal form of a rule: the quantity, then how often (/年) or, when no period is set,
 * for whom (/人): ≥3 名/人, ≥1 次/年, 1–3 个/人; a rule with only a frequency is "每月 (frequency only)".
 */
export function ruleNormal(o: Obligation): string {
  if (!o.quantity) return `${o.frequency ?? ''} (frequency only)`.trim();
  let s = quantityText(o.quantity);
  if (o.period && PERIOD[o.period]) s += `/${PERIOD[o.period]}`;
  else if (o.per === 'person') s += '/人';
  else if (o.per === 'unit') s += '/单位';
  return s;
}

/** The number a rule demands, for ranking strictness: the lower end of a range, the bound of ≥ or ≤. */
const demand = (o: Obligation): number | null => o.quantity?.value ?? o.quantity?.min ?? null;

export function buildRuleTable(rules: Rules, docs: CompareInput[], topics?: string[]): RuleRow[] {
  const ids = [...rules.topics.map((t) => ({ id: t.id, label: t.label })), { id: 'other', label: '其他' }]
    .filter((t) => !topics || topics.includes(t.id));
  return ids.map((t) => {
    const cells: RuleRow['cells'] = {};
    for (const d of docs) {
      cells[d.info.id] = d.analysis.doc.obligations
        .filter((o) => o.topic === t.id && !o.duplicate)
        .map((o) => ({ normal: ruleNormal(o), obligation: o }));
    }
    // the spread over documents that share a unit and period: who asks least, who asks most
    const groups = new Map<string, { unit: string; period: string | null; byDoc: Map<string, number[]>; cmp: string }>();
    for (const d of docs) {
      for (const { obligation: o } of cells[d.info.id]!) {
        const v = demand(o);
        if (v === null || !o.quantity) continue;
        // rules compare when they count the same unit over the same period (定期 "regularly" sets none)
        const period = o.period && PERIOD[o.period] ? o.period : null;
        const key = `${o.quantity.unit}|${period ?? ''}|${o.quantity.comparator === 'lte' || o.quantity.comparator === 'lt' ? 'max' : 'min'}`;
        const g = groups.get(key) ?? { unit: o.quantity.unit, period, byDoc: new Map(), cmp: key.split('|')[2]! };
        g.byDoc.set(d.info.id, [...(g.byDoc.get(d.info.id) ?? []), v]);
        groups.set(key, g);
      }
    }
    const spread: RuleRow['spread'] = [];
    for (const g of groups.values()) {
      if (g.byDoc.size < 2) continue;
      const per = [...g.byDoc.entries()].map(([id, vs]) => [id, Math.max(...vs)] as const);
      const vals = per.map((p) => p[1]);
      const min = Math.min(...vals);
      const max = Math.max(...vals);
      // a floor is strictest when highest, a ceiling when lowest
      const best = g.cmp === 'max' ? min : max;
      spread.push({ unit: g.unit, period: g.period, min, max, strictest: per.filter((p) => p[1] === best).map((p) => p[0]), documents: g.byDoc.size });
    }
    return { topic: t.id, label: t.label, cells, spread };
  });
}

/** Statistics side by side: one row per (topic, metric, unit), the documents' values in the cells. */
export function buildStatTable(docs: CompareInput[]): StatRow[] {
  const rows = new Map<string, StatRow>();
  for (const d of docs) {
    for (const s of d.analysis.doc.statistics) {
      if (!s.quantity || s.duplicate) continue;
      const metric = (s.metric ?? s.action ?? '').replace(pattern(d.analysis.ctx.rules, 'compare/metric-quotes'), '') || '(unnamed)';
      const key = `${s.topic}|${metric}|${s.quantity.unit}`;
      const row = rows.get(key) ?? { key, topic: s.topic, metric, unit: s.quantity.unit, cells: {} };
      (row.cells[d.info.id] ??= []).push({ normal: quantityText(s.quantity), quantity: s.quantity, statistic: s });
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
