import { anchorOf, firstChars } from './first-chars.js';

// past this many first characters (a script's worth) the set filters nothing, and a literal is looked for instead
const FEW_FIRST_CHARS = 4096;

/**
 * A global regex searched only where a match can begin. A regex exec tries every position of the text;
 * most positions of a Chinese text cannot begin a quantity (no numeral, no 约), and trying the regex only
 * at the code units `firstChars` reads from its source, anchored there, finds the same matches in the
 * same order at a third of the cost.
 *
 * A regex that can begin with almost anything (a place name: any Chinese character) but contains a
 * literal after a bounded lead (…人民代表大会常务委员会第…) is tried, anchored, only within that lead before
 * each occurrence of the literal, found by indexOf: a text where the literal stands a few times costs a
 * few dozen tries instead of a regex run at every position. Any other regex is searched as usual.
 */
export class Scanner {
  private readonly starts: Uint8Array | null;
  private readonly anchor: { literal: string; maxBefore: number } | null;
  private readonly anchored: RegExp;

  /** @param re a global regex (the search without first characters runs it from `from`) */
  constructor(readonly re: RegExp) {
    if (!re.global) throw new TypeError(`Scanner needs a global regex: /${re.source}/${re.flags}`);
    // a set of first characters as large as a script (any Chinese character) filters nothing in Chinese text
    const first = re.ignoreCase ? null : firstChars(re.source, FEW_FIRST_CHARS);
    this.starts = first && new Uint8Array(65536);
    if (first) for (const c of first) this.starts![c] = 1;
    this.anchor = first || re.ignoreCase ? null : anchorOf(re.source, re.unicode || re.flags.includes('v'));
    this.anchored = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
  }

  /** The first match at or after `from`: what exec finds with lastIndex at `from`. */
  execFrom(text: string, from: number): RegExpExecArray | null {
    const starts = this.starts;
    if (!starts) return this.anchor ? this.execAnchored(text, from) : this.execEverywhere(text, from);
    const re = this.anchored;
    for (let i = from; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) return m;
    }
    return null;
  }

  private execEverywhere(text: string, from: number): RegExpExecArray | null {
    this.re.lastIndex = from;
    return this.re.exec(text);
  }

  /**
   * Every match holds the literal at most `maxBefore` code units after its start, so the starts tried, in
   * increasing order, are those within reach before each occurrence: the first that matches is the
   * leftmost match, as a plain search would find it.
   */
  private execAnchored(text: string, from: number): RegExpExecArray | null {
    const { literal, maxBefore } = this.anchor!;
    const re = this.anchored;
    let next = from;
    for (let q = text.indexOf(literal, from); q >= 0; q = text.indexOf(literal, q + 1)) {
      for (let s = Math.max(next, q - maxBefore); s <= q; s++) {
        re.lastIndex = s;
        const m = re.exec(text);
        if (m) return m;
      }
      next = q + 1;
    }
    return null;
  }
}

const scanners = new WeakMap<RegExp, Scanner>();

/** The first match of a pack's regex in a text, searched by a Scanner made once per regex. */
export function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  let s = scanners.get(re);
  if (!s) {
    s = new Scanner(re.global ? re : new RegExp(re.source, re.flags + 'g'));
    scanners.set(re, s);
  }
  return s.execFrom(text, 0);
}
