import type { Context } from '../core/context.js';
import { splitLines, trimmed, type Line } from '../core/lines.js';
import { overlaps, type Span } from '../core/span.js';
import type { Boilerplate } from '../schema/document.js';
import { alternation } from '../packs/index.js';
import { memo } from '../core/memo.js';

// compiled once per pack, not once per document
const adWords = new WeakMap<object, RegExp>();
const photoWords = new WeakMap<object, RegExp>();

/** Boilerplate with its span in the normalised view, for later stages to skip. */
export interface BoilerplateNorm { norm: Span; reason: Boilerplate['reason']; duplicateOf?: Span }

interface Para { line: Line; before: number; after: number }

function paragraphs(lines: readonly Line[]): Para[] {
  const out: Para[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (!line.text.trim()) { blanks++; continue; }
    if (out.length) out[out.length - 1]!.after = blanks;
    // the start and end of the document do not set a paragraph apart: a one-paragraph text is no caption
    out.push({ line, before: out.length ? blanks : 0, after: 0 });
    blanks = 0;
  }
  return out;
}

/**
 * Page furniture, advertising, photo captions and repeated sentences. Everything but duplicates is skipped
 * by extraction; duplicates are extracted but flagged, so a consumer can drop double counts.
 */
export function findBoilerplate(ctx: Context): BoilerplateNorm[] {
  const r = ctx.rules.boilerplate;
  const lines = splitLines(ctx.norm);
  const found: BoilerplateNorm[] = [];
  const taken = new Set<number>();
  const mark = (l: Line, reason: Boilerplate['reason']) => {
    if (taken.has(l.start)) return;
    taken.add(l.start);
    found.push({ norm: trimmed(l), reason });
  };

  for (const l of lines) {
    if (r.breadcrumbRe.some((re) => re.test(l.text))) mark(l, 'breadcrumb');
    else if (r.furnitureRe.some((re) => re.test(l.text))) mark(l, 'page-furniture');
  }

  // advertising: a short line with an advertising word, and the short lines of the same block around it
  const adWord = memo(adWords, r, () => new RegExp(alternation(r['advertising-words']), 'u'));
  const isShort = (l: Line) => l.text.trim().length <= r['advertising-neighbour-max'] && !/。/.test(l.text);
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (!t || t.length > 60 || /。$/.test(t) || !adWord.test(t)) return;
    mark(l, 'advertising');
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < lines.length; j += dir) {
        const n = lines[j]!;
        if (!n.text.trim() || !isShort(n)) break;
        mark(n, 'advertising');
      }
    }
  });

  // photo captions: short paragraphs set apart by extra blank lines, alone or in a run of captions
  const cap = r.caption;
  const photoWord = memo(photoWords, cap, () => new RegExp(cap['photo-words'].join('|')));
  let prevCaption = false;
  for (const p of paragraphs(lines)) {
    const t = p.line.text.trim();
    const sentenceLike = /[,，。]/.test(t) && t.length <= cap['max-length'];
    const apartBefore = p.before >= cap['min-blank-lines'];
    const apartAfter = p.after >= cap['min-blank-lines'];
    const cue = r.captionDate.test(t) || photoWord.test(t);
    // "图为座谈会现场。": a caption line says so itself
    const selfCaption = t.length <= 40 && r.caption['photo-openings'].some((w) => t.startsWith(w));
    const isCaption: boolean = !taken.has(p.line.start) && (selfCaption || (sentenceLike &&
      ((apartBefore && apartAfter) || (apartBefore && (prevCaption || cue)) || (apartAfter && cue))));
    if (isCaption) mark(p.line, 'photo-caption');
    prevCaption = isCaption;
  }

  const skip = found.map((f) => f.norm);
  for (const rep of findRepeats(ctx.norm, r['duplicate-min-length'])) if (!skip.some((k) => overlaps(k, rep.norm))) found.push(rep);
  found.sort((a, b) => a.norm[0] - b.norm[0] || a.norm[1] - b.norm[1]);
  return mergeRepeats(ctx.norm, found);
}

/**
 * Passages repeated verbatim (a sentence, a run of clauses, a paragraph): kept, flagged. Every window of
 * `min` characters is remembered where it first occurs; a window seen before is extended to the longest
 * repeat, which never crosses a line break. A function of its own, so the loop over every character is
 * compiled on its own.
 */
function findRepeats(norm: string, min: number): BoilerplateNorm[] {
  const out: BoilerplateNorm[] = [];
  // windows are keyed by a rolling hash (a collision is checked against the text), not by substrings
  const firstAt = new HashIndex(norm.length);
  const B = 31;
  let pow = 1;
  for (let k = 1; k < min; k++) pow = Math.imul(pow, B);
  let h = 0;
  let lastBreak = -1;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm.charCodeAt(i);
    if (ch === 10) lastBreak = i;
    if (i >= min) h = (h - Math.imul(norm.charCodeAt(i - min), pow)) | 0;
    h = (Math.imul(h, B) + ch) | 0;
    const start = i - min + 1;
    if (start < 0 || lastBreak >= start) continue;
    const j = firstAt.getOrSet(h, start);
    if (j < 0) continue;
    if (j + min > start || norm.slice(j, j + min) !== norm.slice(start, start + min) || !norm.slice(start, start + min).trim()) continue;
    let len = min;
    while (start + len < norm.length && norm[j + len] === norm[start + len] && norm[start + len] !== '\n' && j + len < start) len++;
    out.push({ norm: [start, start + len], reason: 'duplicate', duplicateOf: [j, j + len] });
    // continue after the repeat, with the hash rebuilt from its last window
    const resume = start + len - 1;
    h = 0;
    for (let k = Math.max(0, resume - min + 1); k <= resume; k++) {
      h = (Math.imul(h, B) + norm.charCodeAt(k)) | 0;
      if (norm.charCodeAt(k) === 10) lastBreak = k;
    }
    i = resume;
  }
  return out;
}

/**
 * Repeats that follow each other with only white space between (a line printed a thousand times) are one
 * passage: one boilerplate entry, not one per line, so the output stays proportional to what is distinct.
 */
function mergeRepeats(norm: string, found: BoilerplateNorm[]): BoilerplateNorm[] {
  const out: BoilerplateNorm[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && last.reason === 'duplicate' && f.reason === 'duplicate' && f.norm[0] >= last.norm[1] && !norm.slice(last.norm[1], f.norm[0]).trim()) {
      out[out.length - 1] = { ...last, norm: [last.norm[0], f.norm[1]] };
      continue;
    }
    out.push(f);
  }
  return out;
}

/**
 * An open-addressing table from a 32-bit hash to the first position seen with it (a Map is much slower
 * here). Key and position sit side by side, so a probe reads one cache line, not two.
 */
class HashIndex {
  private slots: Int32Array;
  private mask: number;
  constructor(n: number) {
    let size = 16;
    while (size < n * 2) size <<= 1;
    // [key, position + 1] per slot: a zero position marks an empty slot, so the fresh array needs no fill
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }
  /** The position stored for `key`, or -1 after storing `pos` for it. */
  getOrSet(key: number, pos: number): number {
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const at = i << 1;
      const v = this.slots[at + 1]!;
      if (v === 0) {
        this.slots[at] = key;
        this.slots[at + 1] = pos + 1;
        return -1;
      }
      if (this.slots[at] === key) return v - 1;
      i = (i + 1) & this.mask;
    }
  }
}

export function toBoilerplate(ctx: Context, b: BoilerplateNorm[]): Boilerplate[] {
  return b.map((x) => {
    const span = ctx.map.toSource(x.norm);
    const out: Boilerplate = { span, reason: x.reason, text: ctx.text.slice(span[0], span[1]) };
    if (x.duplicateOf) out.duplicateOf = ctx.map.toSource(x.duplicateOf);
    return out;
  });
}
