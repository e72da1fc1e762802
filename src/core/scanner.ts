import { firstChars } from './first-chars.js';

/**
 * A global regex searched only where a match can begin. A regex exec tries every position of the text;
 * most positions of a Chinese text cannot begin a quantity (no numeral, no 约), and trying the regex only
 * at the code units `firstChars` reads from its source, anchored there, finds the same matches in the
 * same order at a third of the cost. A regex whose first characters cannot be read is searched as usual.
 */
export class Scanner {
  private readonly starts: Uint8Array | null;
  private readonly anchored: RegExp;

  /** @param re a global regex (the search without first characters runs it from `from`) */
  constructor(readonly re: RegExp) {
    if (!re.global) throw new TypeError(`Scanner needs a global regex: /${re.source}/${re.flags}`);
    const first = re.ignoreCase ? null : firstChars(re.source);
    this.starts = first && new Uint8Array(65536);
    if (first) for (const c of first) this.starts![c] = 1;
    this.anchored = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
  }

  /** The first match at or after `from`: what exec finds with lastIndex at `from`. */
  execFrom(text: string, from: number): RegExpExecArray | null {
    const starts = this.starts;
    if (!starts) {
      this.re.lastIndex = from;
      return this.re.exec(text);
    }
    const re = this.anchored;
    for (let i = from; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) return m;
    }
    return null;
  }
}
