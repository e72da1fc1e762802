import { formatError } from '../core/errors.js';
import { analyseBytes } from '../pipeline.js';
import { readInput } from '../ingest/index.js';
import { csvRow } from '../render/csv.js';
import { quantityText } from '../render/quantity-text.js';
import { createHash } from 'node:crypto';
import type { ZhiduDocument } from '../schema/document.js';
import type { DocRef } from './docvars.js';

/** What one input becomes: the lines to append to each output file, all tagged with the input's key. */
export interface DocResult {
  key: string;
  path: string;
  sha256: string | null;
  ok: boolean;
  code?: string;
  lines: Partial<Record<OutputName, string[]>>;
}

export type OutputName = 'documents' | 'obligations' | 'statistics' | 'named-numbers' | 'errors' | 'documents.csv' | 'obligations.csv' | 'statistics.csv';

/** The CSV headers of a run: the document's id and the researcher's variables come right after the key. */
export function csvHeaders(varNames: string[]): Partial<Record<OutputName, string>> {
  const lead = ['key', 'doc_id', ...varNames.map((v) => `doc_${v}`)];
  return {
    'documents.csv': csvRow([...lead, 'path', 'ok', 'error_code', 'title', 'doc_type', 'place', 'level', 'adopted_on', 'amended_on', 'effective_on', 'obligations', 'statistics', 'named_numbers', 'rules_with_numbers', 'frequency_only_rules']),
    'obligations.csv': csvRow([...lead, 'path', 'place', 'doc_type', 'article', 'topic', 'actor', 'modality', 'hedged', 'cue', 'action', 'normal', 'measure', 'value', 'min', 'max', 'unit', 'comparator', 'approx', 'redacted', 'canonical_value', 'canonical_unit', 'per', 'frequency', 'period', 'from', 'condition', 'sanction', 'duplicate', 'clause', 'span_start', 'span_end']),
    'statistics.csv': csvRow([...lead, 'path', 'place', 'doc_type', 'article', 'topic', 'action', 'metric', 'normal', 'value', 'min', 'max', 'unit', 'comparator', 'approx', 'redacted', 'period', 'duplicate', 'clause', 'span_start', 'span_end']),
  };
}

export const keyOf = (path: string, sha256: string | null) => `${sha256 ?? 'unreadable'}:${path}`;

/**
 * Process one input into its output records. A pure function of the file's bytes and the rule packs, so a
 * corpus can be split into shards and run anywhere; a failure is a record, never a lost document.
 */
export async function processInput(path: string, packs?: string, ref: DocRef = { docId: path, vars: {}, varNames: [] }, csv = true): Promise<DocResult> {
  let bytes: Uint8Array;
  try {
    bytes = readInput(path);
  } catch (e) {
    return errorResult(path, null, e, ref);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const key = keyOf(path, sha256);
  try {
    // the schema is checked by `extract` and the test suite; a corpus run skips the per-document check for speed
    const { doc } = await analyseBytes(bytes, path, { packs, validate: false, ruleSentences: false });
    return { key, path, sha256, ok: true, lines: docLines(key, doc, ref, csv) };
  } catch (e) {
    return errorResult(path, sha256, e, ref);
  }
}

/** An input that failed, as the one error record it leaves in errors.jsonl. */
export function errorResult(path: string, sha256: string | null, e: unknown, ref: DocRef = { docId: path, vars: {}, varNames: [] }): DocResult {
  const f = formatError(e, path);
  const key = keyOf(path, sha256);
  const rec = { key, doc_id: ref.docId, vars: ref.vars, error: { code: f.code, exitCode: f.exitCode, message: f.line.replace(/^zhidu: /, '') }, source: { path, sha256 } };
  // a failed input is still a row of documents.csv: the denominator of a study counts it
  const row = csvRow([key, ref.docId, ...ref.varNames.map((v) => ref.vars[v] ?? null), path, false, f.code, null, null, null, null, null, null, null, 0, 0, 0, 0, 0]).replace(/\r\n$/, '');
  return { key, path, sha256, ok: false, code: f.code, lines: { errors: [JSON.stringify(rec)], 'documents.csv': [row] } };
}

/** A clause broken over lines in the source is one CSV line (the span still points at the exact text). */
const flat = (s: string) => s.replace(/\r?\n/g, '');

/** The JSONL lines of a document, and its CSV rows when the run writes CSV (a worker builds nothing it drops). */
function docLines(key: string, doc: ZhiduDocument, d: DocRef, csv: boolean): DocResult['lines'] {
  const ref = { key, doc_id: d.docId, vars: d.vars, path: doc.source.path, sha256: doc.source.sha256, place: doc.meta.place.name, docType: doc.meta.docType, title: doc.meta.title };
  const lead = [key, d.docId, ...d.varNames.map((v) => d.vars[v] ?? null)];
  const m = doc.meta;
  // the document reference is serialised once and spliced in front of each item's own fields
  const head = JSON.stringify(ref).slice(0, -1) + ',';
  const withRef = (x: object) => head + JSON.stringify(x).slice(1);
  const lines: DocResult['lines'] = {
    documents: [`{"key":${JSON.stringify(key)},"doc_id":${JSON.stringify(d.docId)},"vars":${JSON.stringify(d.vars)},${JSON.stringify(doc).slice(1)}`],
    obligations: doc.obligations.map(withRef),
    statistics: doc.statistics.map(withRef),
    'named-numbers': doc.namedNumbers.map(withRef),
  };
  if (!csv) return lines;
  return {
    ...lines,
    'documents.csv': [csvRow([...lead, doc.source.path, true, null, m.title, m.docType, m.place.name, m.place.level, m.adoptedOn, m.amendedOn.join(';'), m.effectiveOn,
      doc.obligations.length, doc.statistics.length, doc.namedNumbers.length, doc.obligations.filter((o) => o.quantity).length, doc.obligations.filter((o) => !o.quantity).length]).replace(/\r\n$/, '')],
    'obligations.csv': doc.obligations.map((o) => {
      const q = o.quantity;
      return csvRow([...lead, ref.path, ref.place, ref.docType, o.article, o.topic, o.actor?.text, o.modality, o.hedged, o.cue?.text, o.action?.text, quantityText(q), q?.measure, q?.value, q?.min, q?.max, q?.unit, q?.comparator, q?.approx, q?.redacted, q?.canonical?.value, q?.canonical?.unit, o.per, o.frequency, o.period, o.from?.text, o.condition?.text, o.sanction?.text, o.duplicate, flat(o.text), o.span[0], o.span[1]]).replace(/\r\n$/, '');
    }),
    'statistics.csv': doc.statistics.map((s) => {
      const q = s.quantity;
      return csvRow([...lead, ref.path, ref.place, ref.docType, s.article, s.topic, s.action, s.metric, quantityText(q), q?.value, q?.min, q?.max, q?.unit, q?.comparator, q?.approx, q?.redacted, s.period, s.duplicate, flat(s.text), s.span[0], s.span[1]]).replace(/\r\n$/, '');
    }),
  };
}
