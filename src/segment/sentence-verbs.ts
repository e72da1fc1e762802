import type { Context } from '../core/context.js';
import { lowerBound, type Span } from '../core/span.js';
import { isVerb, segmentSpans, type Token } from './index.js';

const NONE: readonly number[] = [];

/**
 * Where jieba's verbs start in each sentence a frame reads (a verb ends a subject). The sentences that
 * hold a quantity are segmented up front, in one call. The sentences with a period word, and those around
 * a rule where an actor may be named instead (the earlier sentences of the article, the lead-in of a list),
 * are segmented only when a frame looks there: most rules name their actor in their own sentence, and most
 * period words start no rule. A sentence outside both sets has no verbs, as if never segmented.
 */
export class SentenceVerbs {
  private readonly bySentence = new Map<number, readonly number[]>();
  /** the tokens of the sentences segmented on first use, one array per call */
  private readonly laterTokens: Token[][] = [];

  /**
   * @param own the sentences segmented up front, sorted, and `tokens` their tokens
   * @param later the sentences to segment on first use, by start
   * @param protect quantity spans (sorted), each kept one token
   */
  constructor(private readonly ctx: Context, own: Span[], tokens: Token[], private readonly later: ReadonlyMap<number, Span>, private readonly protect: Span[]) {
    this.index(own, tokens);
  }

  /** The verb starts of the sentence `sent`, sorted. */
  of(sent: Span): readonly number[] {
    const known = this.bySentence.get(sent[0]);
    if (known) return known;
    this.prepare([sent]);
    return this.bySentence.get(sent[0]) ?? NONE;
  }

  /**
   * Segment those of these sentences that are still to be, in one call to jieba. (The earlier sentences
   * of an article are asked for one at a time: the first usually names the actor, and segmenting all four
   * at once read more text than the calls it saved.)
   */
  prepare(sents: readonly Span[]): void {
    const todo: Span[] = [];
    const seen = new Set<number>();
    for (const s of sents) {
      const span = this.bySentence.has(s[0]) || seen.has(s[0]) ? undefined : this.later.get(s[0]);
      // once each: a sentence listed twice would have its verbs indexed, then overwritten with none
      if (span) { todo.push(span); seen.add(s[0]); }
    }
    if (!todo.length) return;
    todo.sort((a, b) => a[0] - b[0]);
    // only the quantities inside these sentences (sorted and disjoint, so their ends are sorted too): the
    // document's whole list on every call would make a long document's many calls quadratic
    const inside: Span[] = [];
    for (const span of todo) {
      for (let i = lowerBound(this.protect, span[0] + 1, (x) => x[1]); i < this.protect.length && this.protect[i]![0] < span[1]; i++) inside.push(this.protect[i]!);
    }
    const tokens = segmentSpans(this.ctx, todo, inside);
    this.laterTokens.push(tokens);
    this.index(todo, tokens);
  }

  /** `own` (the up-front tokens) with the tokens of every sentence segmented since, in text order. */
  withLater(own: Token[]): Token[] {
    if (!this.laterTokens.length) return own;
    return own.concat(...this.laterTokens).sort((a, b) => a.span[0] - b.span[0]);
  }

  /** Record the verbs of each of `sents` (sorted) from their tokens (sorted). */
  private index(sents: readonly Span[], tokens: Token[]): void {
    let t = 0;
    for (const s of sents) {
      const verbs: number[] = [];
      while (t < tokens.length && tokens[t]!.span[0] < s[0]) t++;
      for (; t < tokens.length && tokens[t]!.span[0] < s[1]; t++) if (isVerb(tokens[t]!)) verbs.push(tokens[t]!.span[0]);
      this.bySentence.set(s[0], verbs);
    }
  }
}
