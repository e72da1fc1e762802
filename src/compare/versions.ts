import type { Change, MatterCell, MatterRow, Versions } from '../schema/compare.js';
import { pattern, type Rules } from '../packs/index.js';
import type { CompareInput } from './types.js';

/** The latest date a document states: its last amendment, else adoption, entry into force or year. */
const latest = (d: CompareInput) => {
  const m = d.analysis.doc.meta;
  return [...m.amendedOn].sort().at(-1) ?? m.adoptedOn ?? m.effectiveOn ?? (d.info.year ? `${d.info.year}` : '');
};

/** Pairs of documents that are two versions of one text: the same title and place, different dates (old, new). */
export function detectVersions(rules: Rules, docs: CompareInput[]): [string, string][] {
  const norm = (s: string | null) => (s ?? '').replace(pattern(rules, 'compare/title-noise'), '');
  const out: [string, string][] = [];
  const byTitle = new Map<string, CompareInput[]>();
  for (const d of docs) {
    const key = `${norm(d.analysis.doc.meta.title)}|${d.info.place ?? ''}`;
    if (!norm(d.analysis.doc.meta.title)) continue;
    byTitle.set(key, [...(byTitle.get(key) ?? []), d]);
  }
  for (const group of byTitle.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => (latest(a) < latest(b) ? -1 : latest(a) > latest(b) ? 1 : 0));
    for (let i = 0; i + 1 < sorted.length; i++) if (latest(sorted[i]!) !== latest(sorted[i + 1]!)) out.push([sorted[i]!.info.id, sorted[i + 1]!.info.id]);
  }
  return out;
}

const describeCells = (cells: MatterCell[]) => cells.map((c) => `${c.normal}${c.article ? ` (${c.article.split('.').pop()})` : ''}`);
const valueKey = (cells: MatterCell[]) => cells.map((c) => `${c.comparator}|${c.canonical?.value ?? ''}|${c.canonical?.min ?? ''}|${c.canonical?.max ?? ''}|${c.canonical?.unit ?? ''}|${c.period ?? ''}`).sort().join(';');

/** What changed from one version to the next, matter by matter: added, removed, and changed with old → new. */
export function versionChanges(rows: MatterRow[], oldId: string, newId: string, detected: boolean): Versions {
  const changes: Change[] = [];
  for (const r of rows) {
    const a = (r.cells[oldId] ?? []).filter((c) => c.obligation.quantity);
    const b = (r.cells[newId] ?? []).filter((c) => c.obligation.quantity);
    if (!a.length && !b.length) continue;
    const kind = !a.length ? 'added' : !b.length ? 'removed' : valueKey(a) !== valueKey(b) ? 'changed' : null;
    if (kind) changes.push({ kind, matter: r.matter, label: r.label, old: describeCells(a), new: describeCells(b) });
  }
  return { old: oldId, new: newId, detected, changes };
}
