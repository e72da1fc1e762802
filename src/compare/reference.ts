import type { MatterRow } from '../schema/compare.js';

const same = (a: MatterRow['cells'][string][number], b: MatterRow['cells'][string][number]) =>
  a.comparator === b.comparator && a.canonical?.unit === b.canonical?.unit &&
  a.canonical?.value === b.canonical?.value && a.canonical?.min === b.canonical?.min && a.canonical?.max === b.canonical?.max && a.period === b.period;

/**
 * Marks every local rule against the reference texts (the national law a provincial rule implements):
 * inherited (the reference sets the same matter with the same value), changed (same matter, another value),
 * local (a matter the references do not set).
 */
export function markAgainstReferences(rows: MatterRow[], references: string[]): void {
  if (!references.length) return;
  for (const r of rows) {
    const ref = references.flatMap((id) => r.cells[id] ?? []).filter((c) => c.obligation.quantity);
    for (const [id, cells] of Object.entries(r.cells)) {
      for (const c of cells) {
        if (references.includes(id)) { c.mark = 'reference'; continue; }
        if (!c.obligation.quantity) continue;
        c.mark = !ref.length ? 'local' : ref.some((x) => same(x, c)) ? 'inherited' : 'changed';
      }
    }
  }
}
