import type { Context } from '../core/context.js';
import type { Measure } from '../schema/document.js';
import type { QuantityNorm } from './quantity.js';

/** What is known of a quantity's frame when its measure is decided. */
export interface MeasureInput {
  q: QuantityNorm;
  /** the clause up to the number, and the whole clause */
  before: string;
  clause: string;
  /** the rule has a period (每年 …) */
  period: boolean;
  /** the count of violations that sets off a sanction */
  threshold: boolean;
  /** a few characters on each side of the number */
  near: string;
}

/**
 * What a number measures: the first rule of the obligation pack's `measures` whose conditions all hold
 * (the unit's dimension, the comparator and the word that set it, words in the clause, a period).
 */
export function measureOf(ctx: Context, m: MeasureInput): { measure: Measure; rule: number } {
  const { q } = m;
  const unit = ctx.rules.quantity.units.get(q.unit);
  const base = q.canonical?.unit ?? unit?.base ?? '';
  const rules = ctx.rules.obligation.measures;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if (r.dimension && !r.dimension.includes(q.dimension)) continue;
    if (r.unit && !r.unit.includes(q.unit)) continue;
    if (r.base && !r.base.includes(base)) continue;
    if (r.comparator && !r.comparator.includes(q.comparator)) continue;
    if (r['cmp-word'] && !(q.cmpWord && r['cmp-word'].includes(q.cmpWord))) continue;
    if (r.before && !r.before.some((w) => m.before.includes(w))) continue;
    if (r.clause && !r.clause.some((w) => m.clause.includes(w))) continue;
    if (r['not-clause'] && r['not-clause'].some((w) => m.clause.includes(w))) continue;
    if (r.near && !r.near.some((w) => m.near.includes(w))) continue;
    if (r.period !== undefined && r.period !== m.period) continue;
    if (r.threshold !== undefined && r.threshold !== m.threshold) continue;
    return { measure: r.measure, rule: i };
  }
  return { measure: 'other', rule: rules.length - 1 };
}
