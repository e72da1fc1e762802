import type { Analysis } from '../pipeline.js';
import type { Span } from '../core/span.js';
import { escapeRegex } from '../packs/index.js';

/** One hit of a keyword in context, as quanteda's kwic gives it. */
export interface KwicRow {
  doc_id: string;
  start: number;
  end: number;
  left: string;
  match: string;
  right: string;
  article: string | null;
  measure: string | null;
  topic: string | null;
}

export interface KwicOptions {
  /** a keyword, or /a regular expression/ */
  pattern: string;
  /** characters of context on each side (default 20) */
  window?: number;
  /** only hits inside a rule or statistic of this measure (deadline, count …) */
  measure?: string;
  /** only hits inside a rule or statistic of this topic */
  topic?: string;
}

/** The pattern as a global regex: /…/flags is a regular expression, anything else a literal keyword. */
export function kwicRegex(pattern: string): RegExp {
  const m = /^\/(.+)\/([a-z]*)$/su.exec(pattern);
  if (m) return new RegExp(m[1]!, [...new Set(`${m[2]}gu`)].join(''));
  return new RegExp(escapeRegex(pattern), 'gu');
}

/**
 * Keyword in context across a document: matched in the normalised view (so 會議 is found by 会议), reported
 * with spans, left and right context from the source text. With --measure or --topic only hits inside an
 * extracted item of that kind are kept, with the item's article.
 */
export function kwic(docId: string, a: Analysis, opts: KwicOptions): KwicRow[] {
  const { ctx, doc } = a;
  const re = kwicRegex(opts.pattern);
  const w = opts.window ?? 20;
  const items = [...doc.obligations, ...doc.statistics];
  const out: KwicRow[] = [];
  for (const m of ctx.norm.matchAll(re)) {
    if (!m[0].length) continue;
    const span: Span = ctx.map.toSource([m.index!, m.index! + m[0].length]);
    const item = items.find((x) => x.span[0] <= span[0] && span[1] <= x.span[1] + 1 &&
      (!opts.measure || x.quantity?.measure === opts.measure) && (!opts.topic || x.topic === opts.topic));
    if ((opts.measure || opts.topic) && !item) continue;
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    out.push({
      doc_id: docId, start: span[0], end: span[1],
      left: flat(ctx.text.slice(Math.max(0, span[0] - w), span[0])), match: ctx.text.slice(span[0], span[1]), right: flat(ctx.text.slice(span[1], span[1] + w)),
      article: item?.article ?? null, measure: item?.quantity?.measure ?? null, topic: item?.topic ?? null,
    });
  }
  return out;
}
