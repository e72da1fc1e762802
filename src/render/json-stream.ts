import type { Comparison } from '../schema/compare.js';

/**
 * A value as the chunks of `JSON.stringify(value, null, 2)`, byte for byte, without ever building the whole
 * string: arrays and objects down to `depth` levels are written element by element, deeper values at once.
 * A thousand-document comparison is larger than V8's longest string.
 */
export function* jsonChunks(value: unknown, depth = 3, pad = ''): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    if (!value.length) { yield '[]'; return; }
    const inner = pad + '  ';
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i];
      yield* jsonChunks(v === undefined || typeof v === 'function' ? null : v, depth - 1, inner);
      yield i + 1 < value.length ? ',\n' : '\n';
    }
    yield pad + ']';
    return;
  }
  if (depth > 0 && value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (!entries.length) { yield '{}'; return; }
    const inner = pad + '  ';
    yield '{\n';
    for (let i = 0; i < entries.length; i++) {
      yield `${inner}${JSON.stringify(entries[i]![0])}: `;
      yield* jsonChunks(entries[i]![1], depth - 1, inner);
      yield i + 1 < entries.length ? ',\n' : '\n';
    }
    yield pad + '}';
    return;
  }
  const s = JSON.stringify(value, null, 2);
  yield pad && s.includes('\n') ? s.replace(/\n/g, `\n${pad}`) : s;
}

/** A whole JSON document in chunks: `JSON.stringify(value, null, 2)` and its closing newline. */
export function* jsonDocument(value: unknown, depth = 3): Generator<string> {
  yield* jsonChunks(value, depth);
  yield '\n';
}

const RECORDS = [
  ['rule', (c: Comparison) => c.rules],
  ['topic', (c: Comparison) => c.topics],
  ['version', (c: Comparison) => c.versions],
  ['statistic', (c: Comparison) => c.statistics],
  ['neighbour', (c: Comparison) => c.similarity.neighbours],
  ['article', (c: Comparison) => c.similarity.articles],
  ['reuse', (c: Comparison) => c.reuse],
  ['reuse-pair', (c: Comparison) => c.reuseSummary.pairs],
  ['formula', (c: Comparison) => c.reuseSummary.formulas],
  ['theme', (c: Comparison) => c.structure],
] as const;

/**
 * A comparison as JSON Lines, one record per line with its kind in `record`: a header (version, packs,
 * references), the documents, then each table's rows. R's `jsonlite::stream_in` and pandas' `read_json(lines=True)`
 * read it a line at a time; the dense similarity matrix, when there is one, is one record per document.
 */
export function* comparisonJsonl(c: Comparison): Generator<string> {
  yield JSON.stringify({ record: 'zhidu', ...c.zhidu, references: c.references }) + '\n';
  for (const d of c.documents) yield JSON.stringify({ record: 'document', ...d }) + '\n';
  for (const [record, rows] of RECORDS) for (const r of rows(c)) yield JSON.stringify({ record, ...r }) + '\n';
  for (let i = 0; i < c.similarity.matrix.length; i++) yield JSON.stringify({ record: 'similarity-row', id: c.documents[i]!.id, scores: c.similarity.matrix[i] }) + '\n';
}
