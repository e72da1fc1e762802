import type { Comparison, MatterCell } from '../schema/compare.js';

const esc = (s: string | number | null | undefined) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
// data for the page's script: JSON that can never close the <script> element it sits in
const jsonForScript = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
const MARK: Record<string, string> = { inherited: '=', changed: '≠', local: '+', reference: '' };

export interface HtmlOptions {
  /** the date of the run shown in the header (the caller's clock; tests pass a fixed one) */
  generatedAt?: string;
}

/** A clause in context for the detail panel: the sentence, with the number's place in it. */
interface Context { doc: string; label: string; sentence: string; at: [number, number] | null; full: string; article: string | null }

function contextOf(c: Comparison, cell: MatterCell): Context {
  const o = cell.obligation;
  const doc = c.documents.find((d) => d.id === cell.document)!;
  const q = o.quantity;
  // the sentence is the obligation's own slice of the source; the number is located inside it
  const sentence = o.text;
  const at: [number, number] | null = q ? [q.span[0] - o.span[0], q.span[1] - o.span[0]] : null;
  return { doc: doc.id, label: doc.label, sentence, at: at && at[0] >= 0 && at[1] <= sentence.length ? at : null, full: cell.full, article: o.article };
}

/**
 * The comparison as a researcher's working page: one self-contained HTML file that works offline. A header
 * (documents, date, version, rule packs), a legend, the matter table (sticky headers, horizontal scroll,
 * sorting, filters by topic, measure, place and year; a click on a cell shows its clause with the number
 * highlighted), version changes, statistics, the reuse summary and a similarity heat map. Every text from
 * the documents is escaped.
 */
export function comparisonToHtml(c: Comparison, opts: HtmlOptions = {}): string {
  const docs = c.documents;
  const contexts: Context[] = [];
  const rows = c.rules.filter((r) => docs.some((d) => !c.references.includes(d.id) && r.cells[d.id]?.length)).map((r, ri) => {
    const tds = docs.map((d) => {
      const items = (r.cells[d.id] ?? []).map((cell) => {
        contexts.push(contextOf(c, cell));
        const k = contexts.length - 1;
        return `<button type="button" class="item" data-ctx="${k}" title="${esc(cell.full)}">${esc(cell.normal)}${cell.mark && MARK[cell.mark] ? ` <span class="mark ${esc(cell.mark)}" title="${esc(cell.mark)}">${esc(MARK[cell.mark])}</span>` : ''}</button>`;
      });
      const sortValue = (r.cells[d.id] ?? []).map((x) => x.days ?? x.canonical?.value ?? x.canonical?.min).find((v) => v !== null && v !== undefined);
      return `<td data-doc="${esc(d.id)}" data-sort="${esc(sortValue ?? '')}">${items.join('') || '<span class="none">—</span>'}</td>`;
    }).join('');
    return `<tr data-topic="${esc(r.topic)}" data-measure="${esc(r.measure ?? '')}" data-row="${ri}"><th scope="row" data-sort="${esc(r.label)}"><span class="label">${esc(r.label)}</span><small>${esc(r.topic)} · ${esc(r.measure ?? 'frequency only')}</small></th>${tds}<td class="spread" data-sort="${esc(r.spread?.note ?? '')}">${esc(r.spread?.note ?? '')}</td></tr>`;
  }).join('\n');
  const topics = [...new Set(c.rules.map((r) => r.topic))].sort();
  const measures = [...new Set(c.rules.map((r) => r.measure ?? ''))].filter(Boolean).sort();
  const places = [...new Set(docs.map((d) => d.place ?? ''))].filter(Boolean).sort();
  const years = [...new Set(docs.map((d) => d.year).filter((y) => y !== null))].sort();
  const option = (v: string | number) => `<option value="${esc(v)}">${esc(v)}</option>`;
  const label = (id: string) => docs.find((d) => d.id === id)?.label ?? id;
  const versions = c.versions.map((v) => `<h3>${esc(label(v.old))} → ${esc(label(v.new))}${v.detected ? ' <small>(found from the metadata)</small>' : ''}</h3>
<table class="plain"><thead><tr><th>change</th><th>matter</th><th>old</th><th>new</th></tr></thead><tbody>${v.changes.map((ch) => `<tr><td>${esc(ch.kind)}</td><td>${esc(ch.label)}</td><td>${esc(ch.old.join('; ') || '—')}</td><td>${esc(ch.new.join('; ') || '—')}</td></tr>`).join('')}</tbody></table>`).join('\n');
  const stats = c.statistics.slice(0, 200).map((s) => `<tr><td>${esc(s.topic)}</td><td>${esc(s.metric)}</td>${docs.map((d) => `<td>${esc((s.cells[d.id] ?? []).map((x) => x.normal).join('; '))}</td>`).join('')}</tr>`).join('\n');
  const heat = c.similarity.matrix.map((row, i) => `<tr><th scope="row">${esc(docs[i]!.label)}</th>${row.map((x) => `<td class="heat" style="background:hsl(210,70%,${Math.round(100 - x * 55)}%)" title="${esc(docs[i]!.label)} · ${esc(x.toFixed(3))}">${x.toFixed(2)}</td>`).join('')}</tr>`).join('\n');
  const pairs = c.reuseSummary.pairs.slice(0, 50).map((p) => `<tr><td>${esc(label(p.a))}</td><td>${esc(label(p.b))}</td><td>${p.passages}</td><td>${p.sharedChars}</td><td>${(p.shareOfA * 100).toFixed(1)} %</td><td>${(p.shareOfB * 100).toFixed(1)} %</td><td>${p.distinctive}</td><td>${p.formulaic}</td><td>${p.fromReference}</td><td>${esc(p.longest[0]?.aText.slice(0, 80) ?? '')}</td></tr>`).join('\n');
  const formulas = c.reuseSummary.formulas.slice(0, 30).map((f) => `<tr><td>${f.documents.length}</td><td>${esc(f.text.slice(0, 120))}</td></tr>`).join('\n');
  const header = docs.map((d) => `<th scope="col" class="doc" data-doc="${esc(d.id)}" data-place="${esc(d.place ?? '')}" data-year="${esc(d.year ?? '')}" title="${esc(d.title ?? '')}">${esc(d.label)}${c.references.includes(d.id) ? '<br><small>reference</small>' : ''}</th>`).join('');
  return `<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>zhidu comparison — ${esc(docs.length)} documents</title>
<style>
:root{--cjk:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
body{font-family:var(--cjk);margin:0;padding:1em 1.5em;color:#222;line-height:1.45}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.5em 0}
.legend{background:#f6f6f6;padding:.5em 1em;border-left:4px solid #7a9}
.filters{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0;align-items:center}
.scroll{overflow:auto;max-height:75vh;border:1px solid #ccc}
table{border-collapse:collapse}
#matters th,#matters td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;min-width:9em}
#matters thead th{position:sticky;top:0;background:#eef3f8;z-index:2;cursor:pointer}
#matters tbody th{position:sticky;left:0;background:#fafafa;z-index:1;text-align:left;min-width:16em}
#matters thead th:first-child{left:0;z-index:3}
th small{display:block;color:#777;font-weight:normal}
button.item{display:block;font:inherit;text-align:left;background:none;border:0;border-bottom:1px dotted #58a;padding:1px 0;margin:1px 0;cursor:pointer;color:#124}
button.item:hover,button.item:focus{background:#fff4c2}
.none{color:#aaa}
.mark{font-weight:bold}.mark.changed{color:#b33}.mark.local{color:#27a}.mark.inherited{color:#777}
#detail{position:sticky;bottom:0;background:#fffdf0;border:1px solid #e0d890;padding:.6em 1em;margin-top:1em;min-height:2.5em}
#detail mark{background:#ffd54a;padding:0 2px}
table.plain th,table.plain td{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
td.heat{text-align:center;min-width:3.5em}
.hidden{display:none}
</style></head>
<body>
<header>
<h1>Side-by-side rules</h1>
<dl>
<dt>documents</dt><dd>${docs.map((d) => `${esc(d.label)}${d.title ? ` — ${esc(d.title)}` : ''}${c.references.includes(d.id) ? ' (reference)' : ''}`).join('<br>')}</dd>
<dt>date of run</dt><dd>${esc(opts.generatedAt ?? '')}</dd>
<dt>zhidu</dt><dd>${esc(c.zhidu.version)}</dd>
<dt>rule packs</dt><dd>${c.zhidu.packs.map((p) => `${esc(p.id)}@${esc(p.version)}`).join(', ')}</dd>
</dl>
</header>
<section class="legend"><p>Each row is one regulated matter; each cell is a document's rule on it: comparator, value and unit as written, the period (/ year), the starting event of a time limit, and the article. ≤ at most (以内, 不超过), ≥ at least (以上, 不少于, 前), &gt; more than (超过, 过半数), &lt; less than (不满). ${c.references.length ? 'Against the reference text, after each rule: = inherited, ≠ changed, + local. ' : ''}Click a rule to read its clause with the number highlighted. The spread column orders each matter on one scale (days for time limits) and says which direction is more demanding.</p></section>
<div class="filters">
<label>topic <select id="f-topic"><option value="">all</option>${topics.map(option).join('')}</select></label>
<label>measure <select id="f-measure"><option value="">all</option>${measures.map(option).join('')}</select></label>
<label>place <select id="f-place"><option value="">all</option>${places.map(option).join('')}</select></label>
<label>year <select id="f-year"><option value="">all</option>${years.map(option).join('')}</select></label>
<span id="count"></span>
</div>
<div class="scroll"><table id="matters"><thead><tr><th scope="col" data-col="0">matter</th>${header}<th scope="col">spread</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<div id="detail" aria-live="polite">Click a rule in the table to see its clause.</div>
${versions ? `<h2>Changes between versions</h2>\n${versions}` : ''}
<h2>Statistics</h2>
<div class="scroll"><table class="plain"><thead><tr><th>topic</th><th>metric</th>${docs.map((d) => `<th>${esc(d.label)}</th>`).join('')}</tr></thead><tbody>
${stats}
</tbody></table></div>
<h2>Text reuse</h2>
<div class="scroll"><table class="plain"><thead><tr><th>A</th><th>B</th><th>passages</th><th>shared characters</th><th>share of A</th><th>share of B</th><th>distinctive</th><th>formulaic</th><th>from reference</th><th>longest passage</th></tr></thead><tbody>
${pairs}
</tbody></table></div>
<h3>Recurring formulas</h3>
<table class="plain"><thead><tr><th>documents</th><th>formula</th></tr></thead><tbody>
${formulas}
</tbody></table>
<h2>Similarity (TF-IDF cosine)</h2>
<div class="scroll"><table class="plain" id="heatmap"><thead><tr><th></th>${docs.map((d) => `<th>${esc(d.label)}</th>`).join('')}</tr></thead><tbody>
${heat}
</tbody></table></div>
<script type="application/json" id="contexts">${jsonForScript(contexts)}</script>
<script>
(function () {
  var contexts = JSON.parse(document.getElementById('contexts').textContent);
  var table = document.getElementById('matters');
  var detail = document.getElementById('detail');
  function show(k) {
    var c = contexts[k];
    detail.textContent = '';
    var head = document.createElement('strong');
    head.textContent = c.label + (c.article ? ' · ' + c.article : '') + ' · ' + c.full;
    var p = document.createElement('p');
    p.className = 'clause';
    if (c.at) {
      p.appendChild(document.createTextNode(c.sentence.slice(0, c.at[0])));
      var m = document.createElement('mark');
      m.textContent = c.sentence.slice(c.at[0], c.at[1]);
      p.appendChild(m);
      p.appendChild(document.createTextNode(c.sentence.slice(c.at[1])));
    } else {
      p.textContent = c.sentence;
    }
    detail.appendChild(head);
    detail.appendChild(p);
  }
  table.addEventListener('click', function (e) {
    var b = e.target.closest('button.item');
    if (b) show(Number(b.getAttribute('data-ctx')));
  });
  function filter() {
    var topic = document.getElementById('f-topic').value, measure = document.getElementById('f-measure').value;
    var place = document.getElementById('f-place').value, year = document.getElementById('f-year').value;
    var shown = 0;
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var ok = (!topic || tr.getAttribute('data-topic') === topic) && (!measure || tr.getAttribute('data-measure') === measure);
      tr.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    var docs = {};
    table.querySelectorAll('thead th.doc').forEach(function (th) {
      var ok = (!place || th.getAttribute('data-place') === place) && (!year || th.getAttribute('data-year') === year);
      docs[th.getAttribute('data-doc')] = ok;
      th.classList.toggle('hidden', !ok);
    });
    table.querySelectorAll('tbody td[data-doc]').forEach(function (td) { td.classList.toggle('hidden', !docs[td.getAttribute('data-doc')]); });
    document.getElementById('count').textContent = shown + ' matters';
  }
  ['f-topic', 'f-measure', 'f-place', 'f-year'].forEach(function (id) { document.getElementById(id).addEventListener('change', filter); });
  var dir = {};
  table.querySelectorAll('thead th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      dir[col] = !dir[col];
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort') || '', y = b.cells[col].getAttribute('data-sort') || '';
        var nx = parseFloat(x), ny = parseFloat(y);
        var r = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y, 'zh'));
        return dir[col] ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  filter();
})();
</script>
</body></html>
`;
}
