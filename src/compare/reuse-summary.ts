import type { Reuse, ReuseFormula, ReusePair } from '../schema/compare.js';
import type { CompareInput } from './types.js';
import { lettersOf } from './letters.js';


/**
 * Text reuse a person can read at corpus scale: for each pair of documents, how much they share (characters,
 * share of each document, the longest passages), and the passages that recur across many documents grouped
 * as one formula each, with the documents that carry it.
 */
export function summariseReuse(docs: CompareInput[], reuse: Reuse[]): { pairs: ReusePair[]; formulas: ReuseFormula[] } {
  const size = new Map(docs.map((d) => [d.info.id, lettersOf(d.analysis.ctx.norm).length || 1]));
  const byPair = new Map<string, Reuse[]>();
  for (const r of reuse) {
    const k = `${r.a}\u0000${r.b}`;
    const list = byPair.get(k);
    if (list) list.push(r); else byPair.set(k, [r]);
  }
  const pairs: ReusePair[] = [];
  for (const [k, rs] of byPair) {
    const [a, b] = k.split('\u0000') as [string, string];
    const shared = rs.reduce((n, r) => n + r.length, 0);
    const longest = [...rs].sort((x, y) => y.length - x.length).slice(0, 3);
    pairs.push({
      a, b, passages: rs.length, sharedChars: shared,
      shareOfA: Math.round((shared / size.get(a)!) * 1000) / 1000, shareOfB: Math.round((shared / size.get(b)!) * 1000) / 1000,
      distinctive: rs.filter((r) => r.kind === 'distinctive').length, formulaic: rs.filter((r) => r.kind === 'formulaic').length,
      fromReference: rs.filter((r) => r.kind === 'reference').length,
      longest: longest.map((r) => ({ length: r.length, aText: r.aText, bText: r.bText, kind: r.kind })),
    });
  }
  pairs.sort((x, y) => y.sharedChars - x.sharedChars || (x.a < y.a ? -1 : 1));
  // one formula: the same letters in passages of at least three documents
  const groups = new Map<string, { text: string; docs: Set<string>; passages: number; formula: string | null }>();
  for (const r of reuse) {
    if (r.kind !== 'formulaic' && r.kind !== 'reference') continue;
    const key = lettersOf(r.aText);
    const g = groups.get(key) ?? { text: r.aText.replace(/\s+/g, ''), docs: new Set<string>(), passages: 0, formula: r.formula };
    g.docs.add(r.a); g.docs.add(r.b); g.passages++;
    groups.set(key, g);
  }
  const formulas = [...groups.values()].filter((g) => g.docs.size >= 3)
    .map((g) => ({ text: g.text, documents: [...g.docs].sort(), passages: g.passages, formula: g.formula }))
    .sort((x, y) => y.documents.length - x.documents.length || y.text.length - x.text.length || (x.text < y.text ? -1 : 1));
  return { pairs, formulas };
}
