import type { Comparison } from '../schema/compare.js';
import { csvRow } from './csv.js';
import { mdCell as cell } from './quantity-text.js';


/** The readable comparison: rule table first, then statistics, similarity, reuse and structure themes. */
export function comparisonToMarkdown(c: Comparison): string {
  const docs = c.documents;
  const out: string[] = [];
  out.push(`# Side-by-side rules (${docs.length} documents)`, '');
  out.push(`| topic | ${docs.map((d) => cell(d.label)).join(' | ')} | spread |`, `|---|${docs.map(() => '---').join('|')}|---|`);
  for (const r of c.rules) {
    const cells = docs.map((d) => (r.cells[d.id]?.length ? r.cells[d.id]!.map((i) => i.normal).join('; ') : '—'));
    if (cells.every((x) => x === '—')) continue;
    const spread = r.spread.map((s) => `${s.unit}${s.period ? '/' + s.period : ''}: ${s.min === s.max ? s.min : `${s.min}–${s.max}`}${s.min === s.max ? ' everywhere' : `, strictest ${s.strictest.map((id) => docs.find((d) => d.id === id)!.label).join(', ')}`}`).join('; ');
    out.push(`| ${r.topic} | ${cells.map(cell).join(' | ')} | ${cell(spread)} |`);
  }
  out.push('', '— : the document sets no rule on this topic. Cells list `quantity/period` or `quantity/人` (per member); clause texts are in the JSON output.', '');
  if (c.statistics.length) {
    out.push('## Statistics', '', `| topic | metric | ${docs.map((d) => cell(d.label)).join(' | ')} |`, `|---|---|${docs.map(() => '---').join('|')}|`);
    for (const s of c.statistics) out.push(`| ${s.topic} | ${cell(s.metric)} | ${docs.map((d) => cell((s.cells[d.id] ?? []).map((x) => x.normal).join('; ') || '')).join(' | ')} |`);
    out.push('');
  }
  out.push('## Similarity (TF-IDF cosine over jieba content words)', '', `| | ${docs.map((d) => cell(d.label)).join(' | ')} |`, `|---|${docs.map(() => '---').join('|')}|`);
  c.similarity.matrix.forEach((row, i) => out.push(`| ${cell(docs[i]!.label)} | ${row.map((x) => x.toFixed(3)).join(' | ')} |`));
  out.push('');
  const distinct = c.reuse.filter((r) => r.kind === 'distinctive');
  const formulaic = c.reuse.filter((r) => r.kind === 'formulaic');
  const label = (id: string) => docs.find((d) => d.id === id)!.label;
  out.push(`## Text reuse: ${distinct.length} distinctive, ${formulaic.length} formulaic passages`, '');
  if (c.reuse.length) {
    out.push('| kind | A | B | shared | A text | B text |', '|---|---|---|---|---|---|');
    const byLength = (x: { length: number }, y: { length: number }) => y.length - x.length;
    for (const r of [...distinct.sort(byLength), ...formulaic.sort(byLength)]) out.push(`| ${r.kind}${r.exact ? '' : ' (edited)'} | ${cell(label(r.a))} | ${cell(label(r.b))} | ${r.length} | ${cell(r.aText)} | ${cell(r.bText)} |`);
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

/** One row per (topic, document, obligation), for R / pandas. */
export function comparisonToCsv(c: Comparison): string {
  let s = csvRow(['topic', 'document', 'label', 'place', 'year', 'normal', 'value', 'min', 'max', 'unit', 'comparator', 'approx', 'per', 'period', 'frequency', 'actor', 'modality', 'action', 'article', 'clause', 'span_start', 'span_end']);
  for (const r of c.rules) {
    for (const d of c.documents) {
      for (const { normal, obligation: o } of r.cells[d.id] ?? []) {
        const q = o.quantity;
        s += csvRow([r.topic, d.id, d.label, d.place, d.year, normal, q?.value, q?.min, q?.max, q?.unit, q?.comparator, q?.approx, o.per, o.period, o.frequency, o.actor?.text, o.modality, o.action?.text, o.article, o.text, o.span[0], o.span[1]]);
      }
    }
  }
  return s;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone HTML page: the rule table with each cell's clause text as a tooltip, then the rest. */
export function comparisonToHtml(c: Comparison): string {
  const docs = c.documents;
  const rows = c.rules.filter((r) => docs.some((d) => r.cells[d.id]?.length)).map((r) => `<tr><th>${esc(r.label)}<br><small>${esc(r.topic)}</small></th>${docs.map((d) => `<td>${(r.cells[d.id] ?? []).map((i) => `<span title="${esc(i.obligation.text)}">${esc(i.normal)}</span>`).join('<br>') || '—'}</td>`).join('')}</tr>`).join('\n');
  const reuse = c.reuse.map((r) => `<tr class="${r.kind}"><td>${r.kind}</td><td>${esc(docs.find((d) => d.id === r.a)!.label)}</td><td>${esc(docs.find((d) => d.id === r.b)!.label)}</td><td>${esc(r.aText)}</td><td>${esc(r.bText)}</td></tr>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>zhidu comparison</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}span[title]{border-bottom:1px dotted #888}tr.formulaic{color:#888}</style></head>
<body><h1>Side-by-side rules</h1>
<table><tr><th>topic</th>${docs.map((d) => `<th>${esc(d.label)}</th>`).join('')}</tr>
${rows}
</table>
<h2>Similarity</h2>
<table><tr><th></th>${docs.map((d) => `<th>${esc(d.label)}</th>`).join('')}</tr>
${c.similarity.matrix.map((row, i) => `<tr><th>${esc(docs[i]!.label)}</th>${row.map((x) => `<td>${x.toFixed(3)}</td>`).join('')}</tr>`).join('\n')}
</table>
<h2>Text reuse</h2>
<table><tr><th>kind</th><th>A</th><th>B</th><th>A text</th><th>B text</th></tr>
${reuse}
</table>
</body></html>
`;
}
