import type { Analysis } from '../pipeline.js';
import type { CompareDoc } from '../schema/compare.js';
import { mergeSpans } from '../core/span.js';
import { isMatterWord } from './matters.js';

/** A document as compare sees it: its analysis and how it is labelled in tables. */
export interface CompareInput {
  info: CompareDoc;
  analysis: Analysis;
  /** a reference text (the national law a local rule implements): local rules are marked against it */
  reference?: boolean;
}

/**
 * The part of an analysis compare reads, for holding thousands of documents at once: the tokens of the
 * sentences that carry rules (the rest are most of an analysis's memory and compare never reads them), and
 * none of the refused number candidates.
 */
export function forCompare(a: Analysis): Analysis {
  const map = a.ctx.map;
  const own = a.doc.obligations.map((o) => map.fromSource(o.sentence));
  const keep = mergeSpans(own);
  const tokens: Analysis['tokens'] = [];
  let k = 0;
  for (const t of a.tokens) {
    while (k < keep.length && keep[k]![1] <= t.span[0]) k++;
    if (k < keep.length && keep[k]![0] <= t.span[0] && isMatterWord(a.ctx.rules, t)) tokens.push(t);
  }
  // a rule's window reads its own sentence and the one before it
  const starts = new Set(own.map((s) => s[0]));
  const sentences = a.sentences.filter((s, i) => starts.has(s.span[0]) || (i + 1 < a.sentences.length && starts.has(a.sentences[i + 1]!.span[0])));
  return { ...a, tokens, sentences, dropped: [] };
}
