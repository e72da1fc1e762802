import { lowerBound, type Span } from '../core/span.js';
import { pattern, type Rules } from '../packs/index.js';
import { isVerb, type Token } from '../segment/index.js';
import type { QuantityNorm } from './quantity.js';

/** Tokens whose start lies in [from, to), found by binary search (tokens are sorted and disjoint). */
function tokensIn(tokens: Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = lowerBound(tokens, from, (t) => t.span[0]); i < tokens.length && tokens[i]!.span[0] < to; i++) out.push(tokens[i]!);
  return out;
}

const isNounish = (t: Token) => /^(?:n|vn|a|b|j|f|s|t|nz|ng|l)/.test(t.tag);

/**
 * What a statistic counts and the verb that did it, from jieba tokens:
 * 制定 | 地方性法规 | 15件 — 捐献口罩84.5万支、酒精 | 4.5万公斤 — 12家 | 现代农业企业 — 等 | 8部 | 法律法规.
 * The words before the number are read back to the previous number of the same clause; when they name
 * nothing, the noun phrase after the unit is the metric.
 */
export function statisticParts(rules: Rules, norm: string, tokens: Token[], clause: Span, q: QuantityNorm, prevEnd: number): { metric: string | null; action: string | null } {
  const LEAD = pattern(rules, 'obligation/statistic-trim-head');
  const TRAIL = pattern(rules, 'obligation/statistic-trim-tail');
  // 12家现代农业企业: a noun phrase right after the unit is what was counted
  const after = tokensIn(tokens, q.norm[1], clause[1]);
  const run: Token[] = [];
  for (let i = 0; i < after.length; i++) {
    const t = after[i]!;
    if (run.length === 0 && t.span[0] !== q.norm[1]) break;
    // a verb that qualifies the noun after it belongs to the phrase (脱贫群众, 扶贫产业)
    const qualifying = run.length === 0 && isVerb(t) && i + 1 < after.length && isNounish(after[i + 1]!) && after[i + 1]!.span[0] === t.span[1];
    if (!isNounish(t) && !qualifying) break;
    run.push(t);
  }
  let metric: string | null = run.length ? norm.slice(run[0]!.span[0], run[run.length - 1]!.span[1]) : null;
  // otherwise the words before the number, back to the previous number of the clause (or after 等)
  const from = Math.max(clause[0], prevEnd);
  let window = norm.slice(from, q.numberAt).replace(LEAD, '');
  const dengAt = window.lastIndexOf('等');
  if (dengAt >= 0) window = window.slice(dengAt + 1);
  const before = tokensIn(tokens, q.numberAt - window.length, q.numberAt);
  let action: string | null = null;
  if (before.length && isVerb(before[0]!)) {
    action = before[0]!.word;
    window = norm.slice(before[0]!.span[1], q.numberAt);
  }
  if (!metric) {
    const m = window.replace(LEAD, '').replace(TRAIL, '').trim();
    metric = m.length >= 2 ? m : null;
  }
  if (!action) {
    const earlier = tokensIn(tokens, clause[0], q.numberAt).filter(isVerb);
    action = earlier.length ? earlier[earlier.length - 1]!.word : null;
  }
  return { metric: metric ? metric.slice(-20) : null, action };
}
