import type { Span } from '../core/span.js';
import type { Token } from '../segment/index.js';
import type { QuantityNorm } from './quantity.js';

/** Metric and action of a counted thing from jieba tokens: 制定 | 地方性法规 | 15件, or 12家 | 现代农业企业. */
export function statisticParts(tokens: Token[], clause: Span, q: QuantityNorm, afterQ: string): { metric: string | null; action: string | null } {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.span[0] < clause[0]) lo = mid + 1;
    else hi = mid;
  }
  const inClause: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.span[1] <= q.norm[0]; i++) inClause.push(tokens[i]!);
  let vi = -1;
  for (let i = inClause.length - 1; i >= 0; i--) {
    if (inClause[i]!.tag.startsWith('v')) { vi = i; break; }
  }
  const action = vi >= 0 ? inClause[vi]!.word : null;
  const between = inClause.slice(vi + 1).map((t) => t.word).join('').replace(/^[的了]/u, '');
  const following = afterQ.replace(/^[的]/u, '').replace(/[,，;；。:：、和及与].*$/u, '').trim();
  const metric = following && /^[\u4e00-\u9fa5“"《]/u.test(following) && !/^(?:参与|来自|以上|左右)/u.test(following)
    ? following.slice(0, 20)
    : between || null;
  return { metric, action };
}
