import type { Span } from './span.js';

/**
 * A normalised view of the source text and the map back to it. Normalisation only substitutes one code unit
 * for one, or deletes code units, so every normalised position has exactly one source position. The map is
 * kept as the points where the shift between the two changes (one per run of deleted characters), not one
 * number per character: a 15 MB document with few deletions maps in a few kilobytes.
 */
export class OffsetMap {
  readonly norm: string;
  /** normalised offsets where a new shift starts, ascending; at[0] = 0 */
  private readonly at: Int32Array;
  /** shift[k] = source offset − normalised offset from at[k] on */
  private readonly shift: Int32Array;
  private readonly srcLength: number;

  /** `toSrc[i]` is the source offset of `norm[i]`; `toSrc[norm.length]` is the source length. */
  constructor(norm: string, toSrc: Int32Array, srcLength: number) {
    if (toSrc.length !== norm.length + 1) throw new RangeError('offset map length does not match the normalised text');
    this.norm = norm;
    this.srcLength = srcLength;
    const at: number[] = [0];
    const shift: number[] = [toSrc[0]!];
    for (let i = 1; i < norm.length; i++) {
      const d = toSrc[i]! - i;
      if (d !== shift[shift.length - 1]) { at.push(i); shift.push(d); }
    }
    this.at = Int32Array.from(at);
    this.shift = Int32Array.from(shift);
  }

  /** Identity map: the normalised view equals the source. */
  static identity(text: string): OffsetMap {
    const m = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) m[i] = i;
    return new OffsetMap(text, m, text.length);
  }

  posToSource(i: number): number {
    if (i < 0 || i > this.norm.length) throw new RangeError(`normalised offset ${i} out of range`);
    if (i === this.norm.length) return this.srcLength;
    // the last shift point at or before i
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= i) lo = mid; else hi = mid - 1;
    }
    return i + this.shift[lo]!;
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
    const q = Math.max(0, Math.min(p, this.srcLength));
    const n = this.at.length;
    const lastSrc = (k: number) => (k + 1 < n ? this.at[k + 1]! : this.norm.length) - 1 + this.shift[k]!;
    // the first run whose last source offset reaches q (source offsets rise run by run)
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lastSrc(mid) >= q) hi = mid; else lo = mid + 1;
    }
    return lo === n ? this.norm.length : Math.max(this.at[lo]!, q - this.shift[lo]!);
  }

  fromSource(s: Span): Span {
    return [this.posFromSource(s[0]), this.posFromSource(s[1])];
  }
}
