import type { Context } from '../core/context.js';
import { lowerBound, type Span } from '../core/span.js';
import { isVerb, segmentSpans, type Token } from './index.js';

const NONE: readonly number[] = [];

/**
 * Where jieba's verbs start in each sentence a frame reads (a verb ends a subject). The sentences that
 * hold a quantity are segmented up front, in one call, up to the end of the clause of their last quantity:
 * a bearer stands before its number, and what follows the last number's clause is read only for a condition's
 * main clause or a rule's words (compare), when the rest of the sentence is segmented on first use. The
 * sentences with a period word, and those around a rule where an actor may be named instead (the earlier
 * sentences of the article, the lead-in of a list), are segmented only when a frame looks there: most rules
 * name their actor in their own sentence, and most period words start no rule. A sentence outside both
 * sets has no verbs, as if never segmented.
 */
export class SentenceVerbs {
  private readonly bySentence = new Map<number, readonly number[]>();
  /** the end of the part segmented so far, for a sentence segmented up front only in part */
  private readonly extent = new Map<number, number>();
  /** …and the other way round: the sentence whose rest starts at a position */
  private readonly restOf = new Map<number, number>();
  /** the tokens of the text segmented on first use, one array per call */
  private readonly laterTokens: Token[][] = [];

  /**
   * @param own the parts of sentences segmented up front (each from its sentence's start), sorted, and
   *   `tokens` their tokens
   * @param whole the whole sentence of each part in `own` that stops short of its sentence's end, by start
   * @param later the sentences to segment on first use, by start
   * @param protect quantity spans (sorted), each kept one token
   */
  constructor(private readonly ctx: Context, own: Span[], tokens: Token[], private readonly whole: ReadonlyMap<number, Span>, private readonly later: ReadonlyMap<number, Span>, private readonly protect: Span[]) {
    this.index(own, tokens);
    for (const s of own) if (whole.has(s[0])) { this.extent.set(s[0], s[1]); this.restOf.set(s[1], s[0]); }
  }

  /** The verb starts of the sentence `sent` before `upto` (all of them by default), sorted. */
  of(sent: Span, upto = sent[1]): readonly number[] {
    const known = this.bySentence.get(sent[0]);
    if (known && !((this.extent.get(sent[0]) ?? Infinity) < upto)) return known;
    this.prepare([sent]);
    return this.bySentence.get(sent[0]) ?? NONE;
  }

  /**
   * Segment what is still to be of these sentences, in one call to jieba: a sentence to segment on first
   * use, or the rest of one segmented up front in part. (The earlier sentences of an article are asked for
   * one at a time: the first usually names the actor, and segmenting all four at once read more text than
   * the calls it saved.)
   */
  prepare(sents: readonly Span[]): void {
    const todo: Span[] = [];
    const seen = new Set<number>();
    for (const s of sents) {
      // once each: a sentence listed twice would have its verbs indexed, then overwritten with none
      if (seen.has(s[0])) continue;
      const ext = this.extent.get(s[0]);
      const span = ext !== undefined ? [ext, this.whole.get(s[0])![1]] as Span : this.bySentence.has(s[0]) ? undefined : this.later.get(s[0]);
      if (span) { todo.push(span); seen.add(s[0]); }
    }
    if (!todo.length) return;
    todo.sort((a, b) => a[0] - b[0]);
    // only the quantities inside these spans (sorted and disjoint, so their ends are sorted too): the
    // document's whole list on every call would make a long document's many calls quadratic
    const inside: Span[] = [];
    for (const span of todo) {
      for (let i = lowerBound(this.protect, span[0] + 1, (x) => x[1]); i < this.protect.length && this.protect[i]![0] < span[1]; i++) inside.push(this.protect[i]!);
    }
    const tokens = segmentSpans(this.ctx, todo, inside);
    this.laterTokens.push(tokens);
    this.index(todo, tokens);
  }

  /** `own` (the up-front tokens) with the tokens of every span segmented since, in text order. */
  withLater(own: Token[]): Token[] {
    if (!this.laterTokens.length) return own;
    return own.concat(...this.laterTokens).sort((a, b) => a.span[0] - b.span[0]);
  }

  /**
   * Record the verbs of each of `spans` (sorted) from their tokens (sorted). A span that continues a
   * sentence segmented in part (it starts at that sentence's extent) adds to the sentence's verbs.
   */
  private index(spans: readonly Span[], tokens: Token[]): void {
    let t = 0;
    for (const s of spans) {
      const verbs: number[] = [];
      while (t < tokens.length && tokens[t]!.span[0] < s[0]) t++;
      for (; t < tokens.length && tokens[t]!.span[0] < s[1]; t++) if (isVerb(tokens[t]!)) verbs.push(tokens[t]!.span[0]);
      const start = this.restOf.get(s[0]);
      if (start === undefined) { this.bySentence.set(s[0], verbs); continue; }
      this.bySentence.set(start, [...(this.bySentence.get(start) ?? NONE), ...verbs]);
      this.extent.delete(start);
      this.restOf.delete(s[0]);
    }
  }
}
