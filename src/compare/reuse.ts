import { overlaps } from '../core/span.js';
import type { Reuse } from '../schema/compare.js';
import type { CompareInput } from './types.js';
import { memo } from '../core/memo.js';

const K = 3;
const MAX_GAP = 4;
const MIN_LEN = 10;
const MAX_OCCURRENCES = 8;

/** A document reduced to its letters (CJK, digits, Latin), each mapped back to a normalised offset. */
interface Compact { s: string; at: number[] }

function compact(d: CompareInput): Compact {
  const norm = d.analysis.ctx.norm;
  const skip = d.analysis.skip;
  let s = '';
  const at: number[] = [];
  let k = 0;
  for (let i = 0; i < norm.length; i++) {
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) {
      // a boilerplate break: passages never cross it
      if (s[s.length - 1] !== '\u0000') { s += '\u0000'; at.push(i); }
      continue;
    }
    if (/[\u4e00-\u9fa5\dA-Za-z]/u.test(norm[i]!)) { s += norm[i]; at.push(i); }
  }
  return { s, at };
}

/** Trigrams keyed by their three UTF-16 code units packed in one number (cheaper than string keys). */
function grams(c: Compact): Map<number, number[]> {
  const m = new Map<number, number[]>();
  const s = c.s;
  for (let i = 0; i + K <= s.length; i++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const d = s.charCodeAt(i + 2);
    if (a === 0 || b === 0 || d === 0) continue;
    const g = a * 4294967296 + b * 65536 + d;
    const list = m.get(g);
    if (list) list.push(i);
    else m.set(g, [i]);
  }
  return m;
}

/**
 * Passages two documents share: common character trigrams, chained when they follow each other in both
 * texts with small gaps (so 既重结果、也重过程 and 既要重结果、也要重过程 are one passage), kept when at least
 * MIN_LEN characters long in both. A passage is formulaic when it is in a known formula or in at least half
 * of the corpus (three documents or more); otherwise it is distinctive, a sign of real borrowing.
 */
export function findReuse(docs: CompareInput[], formulae: string[], pairs: [number, number][]): Reuse[] {
  const cs = docs.map(compact);
  const gs = cs.map(grams);
  const formulaCompact = formulae.map((f) => ({ f, c: f.replace(/[^\u4e00-\u9fa5\dA-Za-z]/gu, '') }));
  const threshold = Math.max(3, Math.ceil(docs.length / 2));
  const out: Reuse[] = [];
  // the same passage text recurs across pairs: its corpus count and formula are looked up once
  const countCache = new Map<string, number>();
  const documentsWithText = (t: string) => memo(countCache, t, () => cs.filter((c) => c.s.includes(t)).length);
  const formulaCache = new Map<string, (typeof formulaCompact)[number] | null>();
  const formulaOf = (t: string) => memo(formulaCache, t, () =>
    formulaCompact.find((x) => x.c.includes(t) || t.includes(x.c) || (x.c.length >= MIN_LEN && shareGram(x.c, t) && longestCommon(x.c, t) >= Math.min(12, x.c.length))) ?? null);
  for (const [a, b] of pairs) {
    {
      const A = cs[a]!;
      const B = cs[b]!;
      const seeds: [number, number][] = [];
      const [ga, gb, swap] = gs[a]!.size <= gs[b]!.size ? [gs[a]!, gs[b]!, false] : [gs[b]!, gs[a]!, true];
      for (const [g, ia] of ga) {
        const ib = gb.get(g);
        if (!ib || ia.length > MAX_OCCURRENCES || ib.length > MAX_OCCURRENCES) continue;
        for (const i of ia) for (const j of ib) seeds.push(swap ? [j, i] : [i, j]);
      }
      seeds.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const used = new Set<number>();
      const pair: Reuse[] = [];
      for (let s0 = 0; s0 < seeds.length; s0++) {
        if (used.has(s0)) continue;
        let [ai, bj] = seeds[s0]!;
        const start: [number, number] = [ai, bj];
        let end: [number, number] = [ai + K, bj + K];
        let seedCount = 1;
        used.add(s0);
        for (let s1 = s0 + 1; s1 < seeds.length; s1++) {
          const [i, j] = seeds[s1]!;
          if (i > end[0] + MAX_GAP) break;
          if (used.has(s1) || i < start[0] || j < start[1]) continue;
          const ga = i - end[0];
          const gb = j - end[1];
          // the next seed continues this passage in both documents, overlapping or after a short edit
          if (ga <= MAX_GAP && gb <= MAX_GAP && i - ai >= 0 && j - bj >= 0 && (i - ai) - (j - bj) <= MAX_GAP && (j - bj) - (i - ai) <= MAX_GAP) {
            end = [Math.max(end[0], i + K), Math.max(end[1], j + K)];
            ai = i;
            bj = j;
            seedCount++;
            used.add(s1);
          }
        }
        const lenA = end[0] - start[0];
        const lenB = end[1] - start[1];
        if (lenA < MIN_LEN || lenB < MIN_LEN || seedCount < 3) continue;
        const textA = A.s.slice(start[0], end[0]);
        const textB = B.s.slice(start[1], end[1]);
        const ctxA = docs[a]!.analysis.ctx;
        const ctxB = docs[b]!.analysis.ctx;
        const aSpan = ctxA.map.toSource([A.at[start[0]]!, A.at[end[0] - 1]! + 1]);
        const bSpan = ctxB.map.toSource([B.at[start[1]]!, B.at[end[1] - 1]! + 1]);
        const documentsWith = Math.max(documentsWithText(textA), documentsWithText(textB));
        const formula = formulaOf(textA);
        pair.push({
          a: docs[a]!.info.id, b: docs[b]!.info.id, aSpan, bSpan,
          aText: ctxA.text.slice(aSpan[0], aSpan[1]), bText: ctxB.text.slice(bSpan[0], bSpan[1]),
          length: Math.min(lenA, lenB), exact: textA === textB,
          kind: formula || documentsWith >= threshold ? 'formulaic' : 'distinctive',
          documentsWith, formula: formula ? formula.f : null,
        });
      }
      // a passage repeated inside a document pairs with every copy in the other: keep the longest, once per side
      pair.sort((x, y) => y.length - x.length || x.aSpan[0] - y.aSpan[0] || x.bSpan[0] - y.bSpan[0]);
      const keptA: [number, number][] = [];
      const keptB: [number, number][] = [];
      for (const r of pair) {
        if (keptA.some((k) => overlaps(k, r.aSpan)) || keptB.some((k) => overlaps(k, r.bSpan))) continue;
        keptA.push(r.aSpan);
        keptB.push(r.bSpan);
        out.push(r);
      }
    }
  }
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
