import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { readManifest, SUPPORTED_EXTENSIONS, type ManifestEntry } from '../corpus/manifest.js';
import { manifestEntryPath } from '../corpus/inputs.js';
import type { ZhiduError } from '../core/errors.js';
import { loadRules, pattern, type Rules } from '../packs/index.js';
import type { Analysis } from '../pipeline.js';
import { ComparisonSchema, type CompareDoc, type Comparison } from '../schema/compare.js';
import { VERSION } from '../version.js';
import { checkInPlace } from '../schema/check.js';
import { findReuse } from './reuse.js';
import { summariseReuse } from './reuse-summary.js';
import { buildRuleTable, buildStatTable } from './rule-table.js';
import { alignMatters } from './matters.js';
import { markAgainstReferences } from './reference.js';
import { detectVersions, versionChanges } from './versions.js';
import { alignArticles, comparePairs, documentSimilarity } from './similarity.js';
import { compareStructure } from './themes.js';
import type { CompareInput } from './types.js';

export { ruleNormal } from './rule-table.js';
export type { ManifestEntry } from '../corpus/manifest.js';
export type { CompareInput } from './types.js';
export { forCompare } from './types.js';

export interface CompareOptions {
  topics?: string[];
  /** matter ids to keep in the matter table (default: all) */
  matters?: string[];
  /** ids of documents that are reference texts (the national law a local rule implements) */
  references?: string[];
  /** pairs of document ids [old, new] to list changes for; pairs found from metadata are added */
  versions?: [string, string][];
  /** list every reused passage (default: the per-pair summary, the recurring formulas, and the distinctive and reference-copied passages) */
  fullReuse?: boolean;
  /** similarity above which rules no matter lists are grouped (default 0.55) */
  threshold?: number;
  packs?: string;
  /** article alignment (default true) */
  articles?: boolean;
  /** in comparisons of more than 12 documents, article alignment and reuse look at each document's N most similar (default 5) */
  neighbours?: number;
}

const TYPE_LABEL: Record<string, string> = { opinion: '意见', decision: '决定', 'work-review': '综述', speech: '发言', rules: '规定', news: '新闻', other: '文件' };

/** Files named on the command line: a folder expands to its manifest's documents, or its supported files, sorted. */
export function expandInputs(inputs: string[], allowOutside = false): { path: string; entry?: ManifestEntry; refused?: ZhiduError }[] {
  const out: { path: string; entry?: ManifestEntry; refused?: ZhiduError }[] = [];
  for (const inp of inputs) {
    if (existsSync(inp) && statSync(inp).isDirectory()) {
      const man = readManifest(join(inp, 'manifest.json'));
      // an entry pointing outside its corpus folder (../../etc/passwd) is refused, not read
      if (man) for (const e of man) out.push({ ...manifestEntryPath(join(inp, 'manifest.json'), e.file, allowOutside), entry: e });
      else for (const f of readdirSync(inp).sort()) if (SUPPORTED_EXTENSIONS.has(extname(f).toLowerCase())) out.push({ path: join(inp, f) });
    } else {
      // a file named on its own still gets its corpus folder's manifest entry (labels, variables)
      const entry = readManifest(join(dirname(inp), 'manifest.json'))?.find((e) => e.file === basename(inp));
      out.push(entry ? { path: inp, entry } : { path: inp });
    }
  }
  return out;
}

/**
 * What a regulation regulates, from its title (…常务委员会人事任免办法 → 人事任免办法), when short enough for a
 * column label; two regulations of one place and year are told apart by it, where 规定 would name both.
 */
function ruleName(a: Analysis, title: string | null): string | null {
  if (!title) return null;
  const place = a.doc.meta.place.name;
  const drop = (s: string, name: string) => s.replace(new RegExp(pattern(a.ctx.rules, name), 'gu'), '');
  // the law's name first: its 全国人民代表大会 is no issuer
  const name = drop(drop(place && title.startsWith(place) ? title.slice(place.length) : title, 'meta/title-law-drop'), 'meta/title-issuer-drop');
  return pattern(a.ctx.rules, 'meta/title-short-max').test(name) ? name : null;
}

/** How a document is named in tables: the manifest label, or place + year + type from its metadata (a regulation's: what it regulates). */
export function describe(a: Analysis, path: string, entry?: ManifestEntry): CompareDoc {
  const m = a.doc.meta;
  // the version in hand: its last amendment, else its adoption or publication
  const dateYear = ([...m.amendedOn].sort().at(-1) ?? m.adoptedOn ?? m.publishedOn ?? m.effectiveOn)?.slice(0, 4);
  const fromDate = dateYear ? Number(dateYear) : NaN;
  const year = entry?.year ?? (Number.isInteger(fromDate) ? fromDate : null);
  const place = entry?.place ?? m.place.name;
  const short = place ? place.replace(pattern(a.ctx.rules, 'meta/place-short'), '') : m.place.redacted ? 'X' : '?';
  const regulates = m.docType === 'rules' ? ruleName(a, m.title) : null;
  const label = entry?.label ?? (regulates ? [short, regulates, year] : [short, year, TYPE_LABEL[m.docType] ?? m.docType]).filter((x) => x !== null).join(' ');
  // every scalar the manifest keeps for the document travels with it into the tables
  const variables: CompareDoc['variables'] = {};
  for (const [k, v] of Object.entries(entry ?? {})) {
    if (['id', 'file', 'label', 'gold'].includes(k)) continue;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') variables[k] = v;
  }
  return { id: entry?.id ?? basename(path).replace(/\.[^.]+$/, ''), label, path, title: m.title, place, year, docType: m.docType, variables, warnings: a.doc.diagnostics.filter((x) => x.severity !== 'info') };
}

/** Compare analysed documents: rule table, statistics table, similarity, text reuse and structure themes. */
export function compare(docs: CompareInput[], options: CompareOptions = {}): Comparison {
  const rules: Rules = loadRules(options.packs);
  const ids = new Set<string>();
  for (const d of docs) {
    // two inputs with the same file name still get distinct columns
    let id = d.info.id;
    for (let n = 2; ids.has(id); n++) id = `${d.info.id}-${n}`;
    d.info.id = id;
    ids.add(id);
  }
  const sim = documentSimilarity(docs, options.neighbours ?? 5);
  const pairs = comparePairs(docs, sim);
  const references = [...new Set([...(options.references ?? []), ...docs.filter((d) => d.reference).map((d) => d.info.id)])];
  const reuse = findReuse(docs, rules.formulae, pairs);
  // a passage shared with a reference text was copied from it
  for (const r of reuse) if (references.includes(r.a) || references.includes(r.b)) r.kind = 'reference';
  // the summary reads every passage; the list keeps the formulaic ones only on request, and lets the rest go now
  const reuseSummary = summariseReuse(docs, reuse);
  const reuseList = options.fullReuse ? reuse : reuse.filter((r) => r.kind !== 'formulaic');
  if (reuseList !== reuse) reuse.length = 0;
  const rows = alignMatters(rules, docs, { matters: options.matters, threshold: options.threshold });
  markAgainstReferences(rows, references);
  const given = options.versions ?? [];
  const found = detectVersions(rules, docs).filter(([a, b]) => !given.some(([x, y]) => (x === a && y === b) || (x === b && y === a)));
  const result: Comparison = {
    zhidu: { version: VERSION, packs: rules.packs },
    documents: docs.map((d) => d.info),
    rules: rows,
    topics: buildRuleTable(rules, docs, options.topics),
    references,
    versions: [...given.map(([a, b]) => versionChanges(rows, a, b, false)), ...found.map(([a, b]) => versionChanges(rows, a, b, true))],
    statistics: buildStatTable(docs),
    similarity: { matrix: sim.matrix, neighbours: sim.neighbours, articles: options.articles === false ? [] : alignArticles(docs, pairs) },
    reuse: reuseList,
    reuseSummary,
    structure: compareStructure(rules, docs),
  };
  checkInPlace(ComparisonSchema, result);
  return result;
}
