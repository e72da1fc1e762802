import { formatError } from '../core/errors.js';
import { analyseBytes } from '../pipeline.js';
import { readInput } from '../ingest/index.js';
import { csvRow } from '../render/csv.js';
import { quantityText } from '../render/quantity-text.js';
import { createHash } from 'node:crypto';
import type { ZhiduDocument } from '../schema/document.js';

/** What one input becomes: the lines to append to each output file, all tagged with the input's key. */
export interface DocResult {
  key: string;
  path: string;
  sha256: string | null;
  ok: boolean;
  code?: string;
  lines: Partial<Record<OutputName, string[]>>;
}

export type OutputName = 'documents' | 'obligations' | 'statistics' | 'named-numbers' | 'errors' | 'obligations.csv' | 'statistics.csv';

export const CSV_HEADERS: Partial<Record<OutputName, string>> = {
  'obligations.csv': csvRow(['key', 'path', 'place', 'doc_type', 'article', 'topic', 'actor', 'modality', 'hedged', 'cue', 'action', 'normal', 'measure', 'value', 'min', 'max', 'unit', 'comparator', 'approx', 'redacted', 'canonical_value', 'canonical_unit', 'per', 'frequency', 'period', 'from', 'condition', 'sanction', 'duplicate', 'clause', 'span_start', 'span_end']),
  'statistics.csv': csvRow(['key', 'path', 'place', 'doc_type', 'article', 'topic', 'action', 'metric', 'normal', 'value', 'min', 'max', 'unit', 'comparator', 'approx', 'redacted', 'period', 'duplicate', 'clause', 'span_start', 'span_end']),
};

export const keyOf = (path: string, sha256: string | null) => `${sha256 ?? 'unreadable'}:${path}`;

/**
 * Process one input into its output records. A pure function of the file's bytes and the rule packs, so a
 * corpus can be split into shards and run anywhere; a failure is a record, never a lost document.
 */
export async function processInput(path: string, packs?: string): Promise<DocResult> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(path);
  } catch (e) {
    return errorResult(path, null, e);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = keyOf(path, sha256);
  try {
    // the schema is checked by `extract` and the test suite; a corpus run skips the per-document check for speed
    const { doc } = await analyseBytes(bytes, path, { packs, validate: false });
    return { key, path, sha256, ok: true, lines: docLines(key, doc) };
  } catch (e) {
    return errorResult(path, sha256, e);
  }
}

/** An input that failed, as the one error record it leaves in errors.jsonl. */
export function errorResult(path: string, sha256: string | null, e: unknown): DocResult {
  const f = formatError(e, path);
  const key = keyOf(path, sha256);
  const rec = { key, error: { code: f.code, exitCode: f.exitCode, message: f.line.replace(/^zhidu: /, '') }, source: { path, sha256 } };
  return { key, path, sha256, ok: false, code: f.code, lines: { errors: [JSON.stringify(rec)] } };
}

/** A clause broken over lines in the source is one CSV line (the span still points at the exact text). */
const flat = (s: string) => s.replace(/\r?\n/g, '');

function docLines(key: string, doc: ZhiduDocument): DocResult['lines'] {
  const ref = { key, path: doc.source.path, sha256: doc.source.sha256, place: doc.meta.place.name, docType: doc.meta.docType, title: doc.meta.title };
  // the document reference is serialised once and spliced in front of each item's own fields
  const head = JSON.stringify(ref).slice(0, -1) + ',';
  const withRef = (x: object) => head + JSON.stringify(x).slice(1);
  return {
    documents: [`{"key":${JSON.stringify(key)},${JSON.stringify(doc).slice(1)}`],
    obligations: doc.obligations.map(withRef),
    statistics: doc.statistics.map(withRef),
    'named-numbers': doc.namedNumbers.map(withRef),
    'obligations.csv': doc.obligations.map((o) => {
      const q = o.quantity;
      return csvRow([key, ref.path, ref.place, ref.docType, o.article, o.topic, o.actor?.text, o.modality, o.hedged, o.cue?.text, o.action?.text, quantityText(q), q?.measure, q?.value, q?.min, q?.max, q?.unit, q?.comparator, q?.approx, q?.redacted, q?.canonical?.value, q?.canonical?.unit, o.per, o.frequency, o.period, o.from?.text, o.condition?.text, o.sanction?.text, o.duplicate, flat(o.text), o.span[0], o.span[1]]).replace(/\r\n$/, '');
    }),
    'statistics.csv': doc.statistics.map((s) => {
      const q = s.quantity;
      return csvRow([key, ref.path, ref.place, ref.docType, s.article, s.topic, s.action, s.metric, quantityText(q), q?.value, q?.min, q?.max, q?.unit, q?.comparator, q?.approx, q?.redacted, s.period, s.duplicate, flat(s.text), s.span[0], s.span[1]]).replace(/\r\n$/, '');
    }),
  };
}
