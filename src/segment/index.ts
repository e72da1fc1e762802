import type { Context } from '../core/context.js';
import { overlaps, type Span } from '../core/span.js';
import { cutTagged } from './jieba-adapter.js';

/** A token in the normalised view. `tag` is jieba's part of speech; protected number+unit spans are 'mq'. */
export interface Token { span: Span; word: string; tag: string }

/** jieba's verbs (v, vd; not the verbal nouns vn): they end a subject or a metric. */
export const isVerb = (t: Token): boolean => t.tag === 'v' || t.tag === 'vd';

/**
 * Segment spans of the normalised text with nodejieba. Each word is found again in the text to get its
 * offset; any span in `protect` (a quantity) becomes one token whatever jieba did with it.
 */
export function segmentSpans(ctx: Context, spans: Span[], protect: Span[] = []): Token[] {
  const out: Token[] = [];
  const prot = [...protect].sort((a, b) => a[0] - b[0]);
  // one call for the whole document: the spans joined by line breaks, which jieba never joins across, so
  // each span is cut as it would be alone, without a crossing of the native boundary per sentence
  const pieces: string[] = [];
  const starts: number[] = [];
  const at: number[] = [];
  let len = 0;
  for (const [s, e] of spans) {
    const piece = ctx.norm.slice(s, e);
    if (!piece.trim()) continue;
    pieces.push(piece);
    starts.push(s);
    at.push(len);
    len += piece.length + 1;
  }
  if (!pieces.length) return out;
  const joined = pieces.join('\n');
  const { words, tags } = cutTagged(ctx.rules, joined);
  let pos = 0;
  let k = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    // searched forward only: a word jieba changed is skipped rather than given an invented offset
    const rel = joined.indexOf(word, pos);
    if (rel < 0) continue;
    pos = rel + word.length;
    if (!word.trim()) continue;
    while (k + 1 < at.length && at[k + 1]! <= rel) k++;
    const from = starts[k]! + rel - at[k]!;
    out.push({ span: [from, from + word.length], word, tag: tags[w]! });
  }
  if (!prot.length) return out;
  const merged: Token[] = [];
  let pi = 0;
  for (const t of out) {
    while (pi < prot.length && prot[pi]![1] <= t.span[0]) pi++;
    const p = prot[pi];
    if (p && overlaps(t.span, p)) {
      const last = merged[merged.length - 1];
      if (last && last.tag === 'mq' && last.span[0] === Math.min(p[0], last.span[0]) && last.span[1] >= p[0]) {
        last.span = [last.span[0], Math.max(last.span[1], t.span[1])];
        last.word = ctx.norm.slice(last.span[0], last.span[1]);
      } else {
        const span: Span = [Math.min(p[0], t.span[0]), Math.max(p[1], t.span[1])];
        merged.push({ span, word: ctx.norm.slice(span[0], span[1]), tag: 'mq' });
      }
      continue;
    }
    merged.push(t);
  }
  return merged;
}
