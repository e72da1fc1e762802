import { overlaps } from '../core/span.js';
import type { Reuse } from '../schema/compare.js';
import type { CompareInput } from './types.js';
import { memo } from '../core/memo.js';
import { isLetter, lettersOf } from './letters.js';

const K = 3;
const MAX_GAP = 4;
const MIN_LEN = 10;
const MAX_OCCURRENCES = 8;

/** A document reduced to its letters (CJK, digits, Latin), each mapped back to a normalised offset. */
interface Compact { s: string; at: Int32Array }


function compact(d: CompareInput): Compact {
  const norm = d.analysis.ctx.norm;
  const skip = d.analysis.skip;
  const codes = new Uint16Array(norm.length);
  const at = new Int32Array(norm.length);
  let n = 0;
  let k = 0;
  for (let i = 0; i < norm.length; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) {
      // a boilerplate break: passages never cross it
      if (n === 0 || codes[n - 1] !== 0) { codes[n] = 0; at[n++] = i; }
      continue;
    }
    const c = norm.charCodeAt(i);
    if (isLetter(c)) { codes[n] = c; at[n++] = i; }
  }
  return { s: new TextDecoder('utf-16le').decode(codes.subarray(0, n)), at: at.slice(0, n) };
}

/**
 * A document's trigram positions, sorted by trigram then position. Only positions are kept (4 bytes a
 * letter): a trigram is read again from the text when compared, three code units packed in one number.
 */
interface Grams { s: string; pos: Int32Array }

const keyAt = (s: string, i: number) => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

function grams(c: Compact): Grams {
  const s = c.s;
  const n = Math.max(0, s.length - K + 1);
  const key = new Float64Array(n);
  const idx = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), d = s.charCodeAt(i + 2);
    if (a === 0 || b === 0 || d === 0) continue;
    key[i] = keyAt(s, i);
    idx[m++] = i;
  }
  const pos = idx.slice(0, m).sort((x, y) => key[x]! - key[y]! || x - y);
  return { s, pos };
}

// a seed (i, j) is packed as i · 2²⁶ + j in one float: sorting a Float64Array needs no comparator and no tuples
const SHIFT = 2 ** 26;

// one buffer for the seeds of every pair, grown when needed: thousands of pairs allocate nothing
let scratch = new Float64Array(1 << 16);

/** Position pairs of the trigrams two documents share, each trigram at most MAX_OCCURRENCES times in each, sorted. */
function sharedSeeds(A: Grams, B: Grams): Float64Array {
  let seeds = scratch;
  let n = 0;
  let i = 0;
  let j = 0;
  const an = A.pos.length, bn = B.pos.length;
  while (i < an && j < bn) {
    const x = keyAt(A.s, A.pos[i]!), y = keyAt(B.s, B.pos[j]!);
    if (x < y) { i++; continue; }
    if (y < x) { j++; continue; }
    let i1 = i + 1; while (i1 < an && keyAt(A.s, A.pos[i1]!) === x) i1++;
    let j1 = j + 1; while (j1 < bn && keyAt(B.s, B.pos[j1]!) === x) j1++;
    if (i1 - i <= MAX_OCCURRENCES && j1 - j <= MAX_OCCURRENCES) {
      for (let p = i; p < i1; p++) {
        for (let q = j; q < j1; q++) {
          if (n === seeds.length) { const grown = new Float64Array(seeds.length * 2); grown.set(seeds); seeds = scratch = grown; }
          seeds[n++] = A.pos[p]! * SHIFT + B.pos[q]!;
        }
      }
    }
    i = i1;
    j = j1;
  }
  return seeds.subarray(0, n).sort();
}

/**
 * How many documents contain each passage, in one pass over the corpus: each passage is looked up by its
 * first ANCHOR letters at every position of every document, never searched for document by document.
 */
function documentCounts(cs: Compact[], texts: Set<string>): Map<string, number> {
  const ANCHOR = 8;
  // an anchor is its 8 code units hashed to a number, rolled along each document: no string per position
  const hashOf = (s: string, i: number) => {
    let h = 0;
    for (let k = 0; k < ANCHOR; k++) h = (Math.imul(h, 31) + s.charCodeAt(i + k)) | 0;
    return h;
  };
  const POW = Array.from({ length: ANCHOR - 1 }, () => 0).reduce((p) => Math.imul(p, 31), 1);
  const byAnchor = new Map<number, string[]>();
  for (const t of texts) { const h = hashOf(t, 0); const list = byAnchor.get(h); if (list) list.push(t); else byAnchor.set(h, [t]); }
  const count = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  cs.forEach((c, d) => {
    const s = c.s;
    if (s.length < ANCHOR) return;
    let h = hashOf(s, 0);
    for (let i = 0; ; i++) {
      const list = byAnchor.get(h);
      if (list) {
        for (const t of list) {
          if (lastDoc.get(t) === d || !s.startsWith(t, i)) continue;
          lastDoc.set(t, d);
          count.set(t, (count.get(t) ?? 0) + 1);
        }
      }
      if (i + ANCHOR >= s.length) break;
      h = (Math.imul(h - Math.imul(POW, s.charCodeAt(i)), 31) + s.charCodeAt(i + ANCHOR)) | 0;
    }
  });
  return count;
}

/** A passage found between two documents: letters [sa, ea) of A and [sb, eb) of B, and its source spans. */
interface Passage { sa: number; ea: number; sb: number; eb: number; aSpan: [number, number]; bSpan: [number, number]; length: number }

/**
 * Passages two documents share: common character trigrams, chained when they follow each other in both
 * texts with small gaps (so 既重结果、也重过程 and 既要重结果、也要重过程 are one passage), kept when at least
 * MIN_LEN characters long in both. A passage is formulaic when it is in a known formula or in at least half
 * of the corpus (three documents or more, fifty at most); otherwise it is distinctive, a sign of real borrowing.
 */
export function findReuse(docs: CompareInput[], formulae: string[], pairs: [number, number][]): Reuse[] {
  const cs = docs.map(compact);
  const gs = cs.map(grams);
  const formulaCompact = formulae.map((f) => ({ f, c: lettersOf(f) }));
  // half the corpus, and never more than fifty documents: a passage fifty documents share is a template
  const threshold = Math.max(3, Math.ceil(Math.min(docs.length, 100) / 2));
  const found: Reuse[] = [];
  const textsA: string[] = [];
  const textsB: string[] = [];
  let used = new Uint8Array(1 << 16);
  for (const [a, b] of pairs) {
    const A = cs[a]!;
    const B = cs[b]!;
    const seeds = sharedSeeds(gs[a]!, gs[b]!);
    if (used.length < seeds.length) used = new Uint8Array(seeds.length * 2);
    used.fill(0, 0, seeds.length);
    const pair: Passage[] = [];
    for (let s0 = 0; s0 < seeds.length; s0++) {
      if (used[s0]) continue;
      let ai = Math.floor(seeds[s0]! / SHIFT);
      let bj = seeds[s0]! - ai * SHIFT;
      const sa = ai, sb = bj;
      let ea = ai + K, eb = bj + K;
      let seedCount = 1;
      used[s0] = 1;
      for (let s1 = s0 + 1; s1 < seeds.length; s1++) {
        const i = Math.floor(seeds[s1]! / SHIFT);
        if (i > ea + MAX_GAP) break;
        const j = seeds[s1]! - i * SHIFT;
        if (used[s1] || i < sa || j < sb) continue;
        // the next seed continues this passage in both documents, overlapping or after a short edit
        if (i - ea <= MAX_GAP && j - eb <= MAX_GAP && i - ai >= 0 && j - bj >= 0 && (i - ai) - (j - bj) <= MAX_GAP && (j - bj) - (i - ai) <= MAX_GAP) {
          ea = Math.max(ea, i + K);
          eb = Math.max(eb, j + K);
          ai = i;
          bj = j;
          seedCount++;
          used[s1] = 1;
        }
      }
      if (ea - sa < MIN_LEN || eb - sb < MIN_LEN || seedCount < 3) continue;
      const aSpan = docs[a]!.analysis.ctx.map.toSource([A.at[sa]!, A.at[ea - 1]! + 1]);
      const bSpan = docs[b]!.analysis.ctx.map.toSource([B.at[sb]!, B.at[eb - 1]! + 1]);
      pair.push({ sa, ea, sb, eb, aSpan, bSpan, length: Math.min(ea - sa, eb - sb) });
    }
    // a passage repeated inside a document pairs with every copy in the other: keep the longest, once per side
    pair.sort((x, y) => y.length - x.length || x.aSpan[0] - y.aSpan[0] || x.bSpan[0] - y.bSpan[0]);
    const keptA: [number, number][] = [];
    const keptB: [number, number][] = [];
    const ctxA = docs[a]!.analysis.ctx;
    const ctxB = docs[b]!.analysis.ctx;
    for (const p of pair) {
      if (keptA.some((k) => overlaps(k, p.aSpan)) || keptB.some((k) => overlaps(k, p.bSpan))) continue;
      keptA.push(p.aSpan);
      keptB.push(p.bSpan);
      const textA = A.s.slice(p.sa, p.ea);
      const textB = B.s.slice(p.sb, p.eb);
      textsA.push(textA);
      textsB.push(textB);
      // the record is made once, whole; its kind and counts are set below when the corpus is counted
      found.push({
        a: docs[a]!.info.id, b: docs[b]!.info.id, aSpan: p.aSpan, bSpan: p.bSpan,
        aText: ctxA.text.slice(p.aSpan[0], p.aSpan[1]), bText: ctxB.text.slice(p.bSpan[0], p.bSpan[1]),
        length: p.length, exact: textA === textB, kind: 'distinctive', documentsWith: 0, formula: null,
      });
    }
  }
  const counts = documentCounts(cs, new Set([...textsA, ...textsB]));
  const formulaCache = new Map<string, (typeof formulaCompact)[number] | null>();
  const formulaOf = (t: string) => memo(formulaCache, t, () =>
    formulaCompact.find((x) => x.c.includes(t) || t.includes(x.c) || (x.c.length >= MIN_LEN && shareGram(x.c, t) && longestCommon(x.c, t) >= Math.min(12, x.c.length))) ?? null);
  found.forEach((r, i) => {
    r.documentsWith = Math.max(counts.get(textsA[i]!) ?? 0, counts.get(textsB[i]!) ?? 0);
    const formula = formulaOf(textsA[i]!);
    r.formula = formula ? formula.f : null;
    r.kind = formula || r.documentsWith >= threshold ? 'formulaic' : 'distinctive';
  });
  const out = found;
  return out.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : x.aSpan[0] - y.aSpan[0]));
}

/** Whether two strings share any 4-character run: a cheap test before the quadratic one. */
function shareGram(a: string, b: string): boolean {
  for (let i = 0; i + 4 <= b.length; i++) if (a.includes(b.slice(i, i + 4))) return true;
  return false;
}

function longestCommon(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j]! > best) best = prev[j]!;
      diag = tmp;
    }
  }
  return best;
}
