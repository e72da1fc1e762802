import type { Span } from './span.js';

/**
 * A normalised view of the source text and the map back to it. Normalisation
 * only substitutes one code unit for one, or deletes code units, so every
 * normalised position has exactly one source position.
 */
export class OffsetMap {
  readonly norm: string;
  /** toSrc[i] = source offset of norm[i]; toSrc[norm.length] = source length. */
  private readonly toSrc: Int32Array;
  private fromSrc?: Int32Array;
  private readonly srcLength: number;

  constructor(norm: string, toSrc: Int32Array, srcLength: number) {
    if (toSrc.length !== norm.length + 1) throw new RangeError('offset map length does not match the normalised text');
    this.norm = norm;
    this.toSrc = toSrc;
    this.srcLength = srcLength;
  }

  /** Identity map: the normalised view equals the source. */
  static identity(text: string): OffsetMap {
    const m = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) m[i] = i;
    return new OffsetMap(text, m, text.length);
  }

  posToSource(i: number): number {
    if (i < 0 || i > this.norm.length) throw new RangeError(`normalised offset ${i} out of range`);
    return this.toSrc[i]!;
  }

  /** A non-empty normalised span maps to the source characters it came from, deleted ones in between included. */
  toSource(s: Span): Span {
    const [a, b] = s;
    if (b <= a) {
      const p = this.posToSource(a);
      return [p, p];
    }
    return [this.posToSource(a), this.posToSource(b - 1) + 1];
  }

  /** Source offset → normalised offset; a deleted source character maps to the next kept one. */
  posFromSource(p: number): number {
    if (!this.fromSrc) {
      const f = new Int32Array(this.srcLength + 1);
      let j = this.norm.length;
      for (let p2 = this.srcLength; p2 >= 0; p2--) {
        while (j > 0 && this.toSrc[j - 1]! >= p2) j--;
        f[p2] = j;
      }
      this.fromSrc = f;
    }
    return this.fromSrc[Math.max(0, Math.min(p, this.srcLength))]!;
  }

  fromSource(s: Span): Span {
    return [this.posFromSource(s[0]), this.posFromSource(s[1])];
  }
}
