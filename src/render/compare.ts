import type { Comparison } from '../schema/compare.js';
import { BOM, csvRow } from './csv.js';
import { mdCell as cell } from './quantity-text.js';


const MARK: Record<string, string> = { inherited: '=', changed: '≠', local: '+', reference: '' };

/** A cell of the matter table: each rule in short, marked against the reference when there is one. */
const cellText = (cells: Comparison['rules'][number]['cells'][string]) =>
  cells.length ? cells.map((i) => `${i.normal}${i.modality === 'may' ? ' (may)' : i.modality === 'must-not' ? ' (must not)' : ''}${i.hedged ? ' (一般)' : ''}${i.article ? ` ${i.article.split('.').pop()}` : ''}${i.mark && MARK[i.mark] ? ` ${MARK[i.mark]}` : ''}`).join('; ') : '—';

/** The readable comparison: the matter table first, then version changes, statistics, similarity, reuse and structure themes. */
export function comparisonToMarkdown(c: Comparison): string {
  const docs = c.documents;
  const out: string[] = [];
  const shown = c.rules.filter((r) => r.documents > 1 || r.matter.includes('similar') === false);
  out.push(`# Side-by-side rules (${docs.length} documents, ${shown.length} matters)`, '');
  out.push(`| matter | ${docs.map((d) => cell(d.label)).join(' | ')} | spread |`, `|---|${docs.map(() => '---').join('|')}|---|`);
  for (const r of shown) {
    const cells = docs.map((d) => cellText(r.cells[d.id] ?? []));
    // a matter only the reference text sets is not a row of the comparison
    if (docs.every((d) => c.references.includes(d.id) || !r.cells[d.id]?.length)) continue;
    out.push(`| ${cell(r.label)} | ${cells.map(cell).join(' | ')} | ${cell(r.spread?.note ?? '')} |`);
  }
  const single = c.rules.length - shown.length;
  out.push('', `— : the document sets no number on this matter. Cells give the comparator, value and unit, the period, the starting event of a time limit and the article; (may) a permission, (一般) a hedged rule.${c.references.length ? ' Against the reference, after each rule: = inherited, ≠ changed, + local.' : ''}${single ? ` ${single} rules that no other document shares are in the JSON output.` : ''}`, '');
  for (const v of c.versions) {
    const label = (id: string) => docs.find((d) => d.id === id)?.label ?? id;
    out.push(`## Changes from ${label(v.old)} to ${label(v.new)}${v.detected ? ' (versions found from the metadata)' : ''}`, '');
    if (!v.changes.length) out.push('No numbered rule changed.', '');
    else {
      out.push('| change | matter | old | new |', '|---|---|---|---|');
      for (const ch of v.changes) out.push(`| ${ch.kind} | ${cell(ch.label)} | ${cell(ch.old.join('; ') || '—')} | ${cell(ch.new.join('; ') || '—')} |`);
      out.push('');
    }
  }
  if (c.statistics.length) {
    out.push('## Statistics', '', `| topic | metric | ${docs.map((d) => cell(d.label)).join(' | ')} |`, `|---|---|${docs.map(() => '---').join('|')}|`);
    for (const s of c.statistics) out.push(`| ${s.topic} | ${cell(s.metric)} | ${docs.map((d) => cell((s.cells[d.id] ?? []).map((x) => x.normal).join('; ') || '')).join(' | ')} |`);
    out.push('');
  }
  const labels = new Map(docs.map((d) => [d.id, d.label]));
  const label = (id: string) => labels.get(id)!;
  if (c.similarity.matrix.length) {
    out.push('## Similarity (TF-IDF cosine over pairs of characters)', '', `| | ${docs.map((d) => cell(d.label)).join(' | ')} |`, `|---|${docs.map(() => '---').join('|')}|`);
    c.similarity.matrix.forEach((row, i) => out.push(`| ${cell(docs[i]!.label)} | ${row.map((x) => x.toFixed(3)).join(' | ')} |`));
  } else {
    // too many documents for a matrix: each one's nearest others
    out.push('## Similarity: each document\'s nearest documents (TF-IDF cosine over pairs of characters)', '', '| document | nearest (score) |', '|---|---|');
    const byDoc = new Map<string, string[]>();
    for (const nb of c.similarity.neighbours) { const list = byDoc.get(nb.a) ?? []; list.push(`${label(nb.b)} (${nb.score.toFixed(3)})`); byDoc.set(nb.a, list); }
    for (const d of docs) out.push(`| ${cell(d.label)} | ${cell((byDoc.get(d.id) ?? []).join('; '))} |`);
  }
  out.push('');
  const sum = c.reuseSummary;
  out.push(`## Text reuse: ${sum.pairs.length} document pairs share passages; ${sum.formulas.length} formulas recur in three or more documents`, '');
  if (sum.pairs.length) {
    out.push('| A | B | passages | shared characters | share of A | share of B | distinctive | formulaic | from reference | longest passage |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const p of sum.pairs.slice(0, 30)) out.push(`| ${cell(label(p.a))} | ${cell(label(p.b))} | ${p.passages} | ${p.sharedChars} | ${(p.shareOfA * 100).toFixed(1)} % | ${(p.shareOfB * 100).toFixed(1)} % | ${p.distinctive} | ${p.formulaic} | ${p.fromReference} | ${cell(p.longest[0]?.aText.slice(0, 60) ?? '')} |`);
    if (sum.pairs.length > 30) out.push('', `${sum.pairs.length - 30} more pairs in the JSON output.`);
    out.push('');
  }
  if (sum.formulas.length) {
    out.push('### Recurring formulas', '', '| documents | formula |', '|---|---|');
    for (const f of sum.formulas.slice(0, 20)) out.push(`| ${f.documents.length} | ${cell(f.text.slice(0, 80))} |`);
    out.push('');
  }
  const distinct = c.reuse.filter((r) => r.kind === 'distinctive').sort((x, y) => y.length - x.length);
  if (distinct.length) {
    out.push('### Distinctive passages (longest first)', '', '| A | B | shared | A text | B text |', '|---|---|---|---|---|');
    for (const r of distinct.slice(0, 20)) out.push(`| ${cell(label(r.a))} | ${cell(label(r.b))} | ${r.length} | ${cell(r.aText)} | ${cell(r.bText)} |`);
    out.push('');
  }
  out.push('## Section themes', '', `| theme | ${docs.map((d) => cell(d.label)).join(' | ')} |`, `|---|${docs.map(() => '---').join('|')}|`);
  for (const t of c.structure) {
    const cells = docs.map((d) => (t.cells[d.id] ?? []).map((s) => s.label).join(' '));
    if (cells.every((x) => !x)) continue;
    out.push(`| ${t.label} | ${cells.map((x) => x || '—').join(' | ')} |`);
  }
  out.push('');
  return out.join('\n');
}

/** One row per (matter, document, rule), with the document's manifest fields, for R / pandas. */
export function comparisonToCsv(c: Comparison, opts: { bom?: boolean } = {}): string {
  // the researcher's document variables (family, level …) as columns, in first-seen order
  const vars = [...new Set(c.documents.flatMap((d) => Object.keys(d.variables)))].filter((k) => !['place', 'year', 'type'].includes(k));
  let s = (opts.bom === false ? '' : BOM) + csvRow(['matter', 'matter_label', 'topic', 'measure', 'doc_id', 'label', 'place', 'year', 'doc_type', ...vars.map((v) => `doc_${v}`), 'normal', 'comparator', 'value', 'min', 'max', 'unit', 'canonical_value', 'canonical_unit', 'days', 'period', 'from', 'modality', 'hedged', 'condition', 'sanction', 'mark', 'actor', 'action', 'article', 'clause', 'span_start', 'span_end']);
  for (const r of c.rules) {
    for (const d of c.documents) {
      for (const i of r.cells[d.id] ?? []) {
        const o = i.obligation;
        s += csvRow([r.matter, r.label, r.topic, r.measure, d.id, d.label, d.place, d.year, d.docType, ...vars.map((v) => d.variables[v] ?? null), i.normal, i.comparator, i.value, i.min, i.max, i.unit, i.canonical?.value, i.canonical?.unit, i.days, i.period, i.from, i.modality, i.hedged, i.condition, i.sanction, i.mark, o.actor?.text, o.action?.text, o.article, o.text, o.span[0], o.span[1]]);
      }
    }
  }
  return s;
}

export { comparisonToHtml } from './compare-html.js';
