import type { Context } from '../core/context.js';
import { lowerBound, type Span } from '../core/span.js';
import { isVerb, segmentSpans, type Token } from './index.js';

const NONE: readonly number[] = [];

/**
 * Where jieba's verbs start in each sentence a frame reads (a verb ends a subject). The sentences that
 * hold a rule are segmented up front, in one call, and their tokens are the document's. The sentences
 * around them where an actor may be named instead (the earlier sentences of the article, the lead-in of
 * a list) are segmented only when a frame looks there: most rules name their actor in their own sentence.
 * A sentence outside both sets has no verbs, as if never segmented.
 */
export class SentenceVerbs {
  private readonly bySentence = new Map<number, readonly number[]>();

  /**
   * @param own the sentences segmented up front, sorted, and `tokens` their tokens
   * @param later the sentences to segment on first use, by start
   * @param protect quantity spans (sorted), each kept one token
   */
  constructor(private readonly ctx: Context, own: Span[], tokens: Token[], private readonly later: ReadonlyMap<number, Span>, private readonly protect: Span[]) {
    let t = 0;
    for (const s of own) {
      const verbs: number[] = [];
      while (t < tokens.length && tokens[t]!.span[0] < s[0]) t++;
      for (; t < tokens.length && tokens[t]!.span[0] < s[1]; t++) if (isVerb(tokens[t]!)) verbs.push(tokens[t]!.span[0]);
      this.bySentence.set(s[0], verbs);
    }
  }

  /** The verb starts of the sentence `sent`, sorted. */
  of(sent: Span): readonly number[] {
    const known = this.bySentence.get(sent[0]);
    if (known) return known;
    const span = this.later.get(sent[0]);
    if (!span) return NONE;
    // only the quantities inside this sentence (sorted and disjoint, so their ends are sorted too): the
    // document's whole list on every call would make a long document's many calls quadratic
    const inside: Span[] = [];
    for (let i = lowerBound(this.protect, span[0] + 1, (x) => x[1]); i < this.protect.length && this.protect[i]![0] < span[1]; i++) inside.push(this.protect[i]!);
    const verbs = segmentSpans(this.ctx, [span], inside).filter(isVerb).map((t) => t.span[0]);
    this.bySentence.set(sent[0], verbs);
    return verbs;
  }
}
