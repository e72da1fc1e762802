import { pattern, type Rules } from '../packs/index.js';
import type { ThemeRow } from '../schema/compare.js';
import type { CompareInput } from './types.js';

/**
 * The theme of a section heading: the theme whose keyword comes first, since a heading leads with its subject
 * (三、加强制度建设，规范依法履职行为 is about institutions, not capacity); earlier themes win ties.
 */
export function headingTheme(rules: Rules, heading: string): string {
  const body = heading.replace(pattern(rules, 'structure/section-marker'), '');
  let best = 'other';
  let bestAt = Infinity;
  for (const t of rules.themes) {
    for (const k of t.keywords) {
      const at = body.indexOf(k);
      if (at >= 0 && at < bestAt) { best = t.id; bestAt = at; }
    }
  }
  return best;
}

/** Section headings side by side, grouped by theme, so one sees which themes a document adds or drops. */
export function compareStructure(rules: Rules, docs: CompareInput[]): ThemeRow[] {
  const themes = [...rules.themes.map((t) => ({ id: t.id, label: t.label })), { id: 'other', label: '其他' }];
  return themes.map((t) => {
    const cells: ThemeRow['cells'] = {};
    for (const d of docs) {
      cells[d.info.id] = d.analysis.doc.structure
        .filter((s) => headingTheme(rules, s.heading) === t.id)
        .map((s) => ({ label: s.label, heading: s.heading, span: s.headingSpan }));
    }
    return { theme: t.id, label: t.label, cells };
  });
}
