import { join } from 'node:path';
import { z } from 'zod';
import { CN_NUMERAL_CHARS } from '../core/cn-number.js';
import { ComparatorSchema, DocTypeSchema, MeasureSchema, PlaceLevelSchema } from '../schema/document.js';
import { composeGrammar } from './grammar.js';
import { Scanner } from '../core/scanner.js';
import {
  DEFAULT_PACK_DIR, PackError, alternation, compileRegex, escapeRegex, openPack, readLexicon, readYaml,
  type PackManifest, type PackSource,
} from './read.js';

export { DEFAULT_PACK_DIR, PackError } from './read.js';
export { alternation, escapeRegex } from './read.js';

const Manifest = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  description: z.string(),
  files: z.array(z.string()),
  examples: z.array(z.record(z.string(), z.unknown())).optional(),
  counterexamples: z.array(z.string()).optional(),
});

const Cmp = ComparatorSchema;
const Example = z.record(z.string(), z.unknown());
const QuantityYaml = z.object({
  grammar: z.record(z.string(), z.string()),
  // `requires`: a literal every match of the rule contains; a document without it is not searched with the rule
  rules: z.array(z.object({ id: z.string(), pattern: z.string(), requires: z.string().min(1).optional(), examples: z.array(Example).optional() })),
  'max-per-document': z.number().int().min(1000),
  comparators: z.object({
    prefix: z.array(z.object({ word: z.string(), cmp: Cmp, reach: z.number().int().min(0), 'rules-only': z.boolean().optional() })),
    suffix: z.array(z.object({ word: z.string(), cmp: Cmp })),
    'time-suffix': z.array(z.object({ word: z.string(), cmp: Cmp })),
    'strict-over-suffix': z.array(Cmp),
    inclusive: z.array(z.string()),
    exclusive: z.array(z.string()),
  }),
  approx: z.object({ prefix: z.array(z.string()), suffix: z.array(z.string()), 'magnitude-prefix': z.array(z.string()).default([]) }),
  range: z.object({ separators: z.array(z.string()) }),
  'numeral-words': z.record(z.string(), z.number()),
  'fraction-words': z.array(z.object({ word: z.string(), value: z.number(), cmp: Cmp })),
  magnitudes: z.record(z.string(), z.number()),
  redacted: z.object({ marks: z.array(z.string()) }),
  'not-quantity': z.object({
    'preceded-by': z.array(z.string()),
    'followed-by': z.array(z.string()),
    'reference-period-before': z.array(z.string()),
    'demonstrative-before': z.array(z.string()),
    'reference-period-units': z.array(z.string()),
    'reference-period-not-after': z.array(z.string()).default([]),
    'counted-when-compared': z.array(z.string()).default([]),
    'place-suffix': z.array(z.string()),
    'place-suffix-keep-units': z.array(z.string()),
    'session-ordinal': z.string(),
    several: z.string(),
    'word-suffix': z.array(z.string()),
    'score-unit': z.string().default('分'),
    'score-unit-next': z.array(z.string()).default([]),
    'score-unit-not-after': z.array(z.string()).default([]),
    'every-time-units': z.array(z.string()),
    'year-unit': z.string(),
    'day-unit': z.string(),
    'day-of-month-before': z.array(z.string()),
    'day-count-after': z.array(z.string()),
    'day-count-before': z.array(z.string()),
  }),
  'indefinite-one': z.object({ 'keep-units': z.array(z.string()), 'keep-dimensions': z.array(z.string()), 'keep-time-after': z.array(z.string()) }),
});

const NamedYaml = z.object({
  quoted: z.object({
    open: z.array(z.string()), close: z.array(z.string()),
    'max-length': z.number(), 'item-max-length': z.number(), numeral: z.string(), 'not-if': z.string(),
  }),
  // a pattern, or a pattern with a literal every match contains (a text without it is not searched)
  patterns: z.array(z.union([z.string(), z.object({ pattern: z.string(), requires: z.string().min(1) })])),
});

const MetaYaml = z.object({
  'doc-types': z.array(z.object({ word: z.string(), type: DocTypeSchema })),
  title: z.object({ 'max-length': z.number(), 'issuer-endings': z.array(z.string()), status: z.string(), markup: z.string() }),
  draft: z.string(),
  congress: z.string(),
  place: z.string(),
  'place-levels': z.array(z.object({ suffix: z.string(), level: PlaceLevelSchema })),
  municipalities: z.array(z.string()),
  national: z.string(),
  'national-place': z.string(),
  government: z.string(),
  issuers: z.object({ congress: z.string(), committee: z.string(), 'working-committee': z.string() }),
  'government-titles': z.array(z.string()),
  'party-group': z.object({ prefix: z.string(), suffix: z.string() }),
  date: z.string(),
  'amended-words': z.string(),
  'adopted-words': z.string(),
  'approval-only-words': z.string().default('批准'),
  effective: z.string(),
  provinces: z.array(z.string()),
  'redacted-place': z.string(),
  abbreviations: z.record(z.string(), z.string()),
  adopted: z.string(),
  published: z.string(),
  session: z.string(),
});

const BoilerplateYaml = z.object({
  breadcrumb: z.array(z.string()),
  furniture: z.array(z.string()),
  'advertising-words': z.array(z.string()),
  'advertising-neighbour-max': z.number(),
  caption: z.object({
    'max-length': z.number(), 'min-blank-lines': z.number(), 'photo-words': z.array(z.string()), 'photo-openings': z.array(z.string()), 'date-opening': z.string(),
  }),
  'duplicate-min-length': z.number(),
});

const Modality = z.enum(['must', 'should', 'may', 'must-not']);
const ObligationYaml = z.object({
  modals: z.array(z.object({ word: z.string(), modality: Modality })),
  'modal-false-friends': z.array(z.string()),
  per: z.array(z.object({ word: z.string(), per: z.enum(['person', 'unit']), 'in-reports': z.boolean().optional() })),
  frequency: z.array(z.object({ word: z.string(), period: z.string() })),
  'statistic-cues': z.array(z.string()),
  'cue-not-in': z.array(z.string().min(1)),
  'not-stops': z.array(z.string().min(1)),
  'continuing-leads': z.array(z.string().min(1)),
  'rule-cues': z.array(z.string()),
  sanctions: z.array(z.string()),
  'violation-counts': z.array(z.string()),
  'violation-reach': z.number().int().min(0),
  'breach-words': z.array(z.string().min(1)),
  'breach-not-in': z.array(z.string().min(1)),
  'frequency-every': z.string(),
  'frequency-not-after': z.array(z.string()),
  'not-periods': z.array(z.string()),
  'report-markers': z.string(),
  'statistic-period': z.string(),
  'action-strip-head': z.string(),
  'action-strip-tail': z.string(),
  'frequency-units': z.record(z.string(), z.string()),
  conditions: z.array(z.string()),
  actors: z.array(z.string()),
  hedges: z.array(z.string()),
  targets: z.array(z.string()),
  'target-not-in': z.array(z.string()),
  'target-headings': z.array(z.string()),
  'target-titles': z.array(z.string()),
  'review-headings': z.array(z.string()),
  'targets-before-number-reach': z.number().int().min(0),
  'from-patterns': z.array(z.string()),
  'actor-heads': z.array(z.string()),
  'subject-stops': z.array(z.string()),
  'adverbial-openers': z.array(z.string()),
  'adverbial-endings': z.array(z.string()),
  'agent-marker': z.string(),
  'per-person-heads': z.array(z.string()),
  'collective-acts': z.array(z.string()),
  'shared-acts': z.array(z.string()).default([]),
  'thing-heads': z.array(z.string()).default([]),
  'head-overlaps': z.array(z.string().min(2)).default([]),
  'head-not-before': z.array(z.string()).default([]),
  'rate-heads': z.array(z.string()).default([]),
  'every-word': z.string().default('每'),
  'member-heads': z.array(z.string()).default([]),
  'agent-alternatives': z.array(z.string()).default([]),
  'instance-measures': z.array(z.string()).default([]),
  'size-words': z.array(z.string()).default([]),
  'own-act-leads': z.array(z.string()).default([]),
  'contrast-leads': z.array(z.string()).default([]),
  'event-clause-endings': z.array(z.string()).default([]),
  'failure-words': z.array(z.string()).default([]),
  'failure-runs': z.array(z.string()).default([]),
  'hedge-not-in': z.array(z.string()).default([]),
  'co-signing-acts': z.array(z.string()).default([]),
  'request-leads': z.array(z.string()).default([]),
  'charging-verbs': z.array(z.string()),
  'time-clause-endings': z.array(z.string()),
  'counted-acts': z.array(z.string()),
  'relative-marker': z.string(),
  'office-heads': z.array(z.string()),
  'verb-heads': z.array(z.string()),
  'indefinite-articles': z.array(z.string()),
  'subject-lead-words': z.array(z.string()),
  'subject-rejects': z.array(z.string()),
  'lead-in-ends': z.array(z.string()),
  measures: z.array(z.object({
    measure: MeasureSchema,
    dimension: z.array(z.string()).optional(), unit: z.array(z.string()).optional(), base: z.array(z.string()).optional(),
    comparator: z.array(Cmp).optional(), 'cmp-word': z.array(z.string()).optional(),
    before: z.array(z.string()).optional(), clause: z.array(z.string()).optional(), 'not-clause': z.array(z.string()).optional(),
    near: z.array(z.string()).optional(),
    period: z.boolean().optional(),
    threshold: z.boolean().optional(),
  })),
});

const StructureYaml = z.object({
  numeral: z.string(),
  headings: z.object({
    section: z.string(), chapter: z.string(), part: z.string(),
    'article-arabic': z.string(), 'article-tiao': z.string(), 'article-paren': z.string(), item: z.string(),
  }),
  'article-max-gap': z.number().int().min(1),
  'max-sentence': z.number().int().min(50),
  'max-clause': z.number().int().min(20),
  'heading-end': z.string(),
});

const MattersYaml = z.object({
  matters: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string(), topic: z.string(), measure: z.array(MeasureSchema),
    all: z.array(z.string()).optional(), any: z.array(z.string()).optional(), not: z.array(z.string()).optional(),
    direction: z.enum(['more', 'less', 'neutral']).optional(),
    // matters a rule of this one also belongs to when it meets their cues too (one list naming both)
    also: z.array(z.string()).optional(),
  })),
  examples: z.array(z.object({ text: z.string(), matter: z.string() })).optional(),
  scopes: z.array(z.object({ id: z.string(), label: z.string(), words: z.array(z.string()) })),
});
export type Matter = z.infer<typeof MattersYaml>['matters'][number];

const TopicsYaml = z.object({
  'min-score': z.number().min(0),
  topics: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z-]*$/), label: z.string(), keywords: z.record(z.string(), z.number()),
  })),
});

// a scale factor: a number, or a fraction a/b written as such (1/365 is exact where 0.00274 is not)
const Factor = z.union([z.number().positive(), z.string().regex(/^\d+(?:\.\d+)?\/\d+(?:\.\d+)?$/)])
  .transform((v) => (typeof v === 'number' ? v : Number(v.split('/')[0]) / Number(v.split('/')[1])));
const ScalesYaml = z.object({ days: z.record(z.string(), Factor), years: z.record(z.string(), Factor) });

const ThemesYaml = z.object({
  themes: z.array(z.object({ id: z.string(), label: z.string(), keywords: z.array(z.string()) })),
});

/** A unit of the lexicon: how it is reported, what it measures and its value in base units. */
export interface UnitInfo { as: string; dimension: string; base: string; factor: number }

export type QuantityRules = z.infer<typeof QuantityYaml> & {
  units: Map<string, UnitInfo>;
  unitPattern: string;
  /** the grammar's rules compiled, in the order of the pack */
  compiled: { id: string; pattern: string; requires: string | null; re: RegExp; scan: Scanner; examples: Record<string, unknown>[] }[];
  idioms: string[];
  idiomPattern: RegExp;
  sessionOrdinal: RegExp;
  several: RegExp;
};
export type Modal = z.infer<typeof ObligationYaml>['modals'][number];
export type Topic = z.infer<typeof TopicsYaml>['topics'][number];

const PatternsYaml = z.record(z.string(), z.union([z.string(), z.object({ re: z.string(), flags: z.string().regex(/^[gimsuy]*$/) })]));

export interface Rules {
  dir: string;
  /** the packs' small named patterns (`pack/name` → RegExp), from each pack's patterns.yaml */
  patterns: Map<string, RegExp>;
  packs: { id: string; version: string; sha256: string }[];
  manifests: Record<string, PackManifest>;
  t2s: Map<string, string>;
  /** radical code points → the ideographs they stand for (⼈ → 人, ⻓ → 长) */
  radicals: Map<string, string>;
  boilerplate: z.infer<typeof BoilerplateYaml> & { breadcrumbRe: RegExp[]; furnitureRe: RegExp[]; captionDate: RegExp };
  meta: z.infer<typeof MetaYaml>;
  structure: z.infer<typeof StructureYaml> & { headingEnd: RegExp };
  quantity: QuantityRules;
  named: { slogans: string[]; quoted: z.infer<typeof NamedYaml>['quoted']; patterns: { re: RegExp; requires: string | null }[]; numeral: RegExp; notIf: RegExp };
  obligation: z.infer<typeof ObligationYaml> & { fromPatterns: RegExp[] };
  topics: Topic[];
  topicMinScore: number;
  segmentDict: string;
  mainDictMinFrequency: number;
  stopwords: Set<string>;
  formulae: string[];
  themes: z.infer<typeof ThemesYaml>['themes'];
  /** compare's common scales: a base time unit → days, a frequency period → years */
  scales: { days: Record<string, number>; years: Record<string, number> };
  matters: z.infer<typeof MattersYaml>;
}

/** A lexicon of one character to one character (t2s.txt, radicals.txt) into `into`: the normalised view keeps every offset. */
function readCharMap(src: PackSource, file: string, into: Map<string, string>): void {
  for (const [from, to] of readLexicon(src, file)) {
    if (!to || from!.length !== 1 || to.length !== 1) throw new PackError(join(src.dir, file), `"${from} ${to ?? ''}" must be one character to one character`);
    into.set(from!, to);
  }
}

const cache = new Map<string, Rules>();

/** Load and validate every rule pack once per process; a malformed pack throws PackError naming the file. */
export function loadRules(dir: string = DEFAULT_PACK_DIR): Rules {
  const hit = cache.get(dir);
  if (hit) return hit;
  const packs: Rules['packs'] = [];
  const manifests: Record<string, PackManifest> = {};
  const open = (id: string): PackSource => {
    const { src, manifest } = openPack(dir, id, Manifest);
    manifests[id] = manifest;
    return src;
  };
  const patterns = new Map<string, RegExp>();
  // a pack's patterns.yaml: named regexes the engine looks up by pack/name; {name} fills in a value the caller gives
  const readPatterns = (src: PackSource, fill: Record<string, string> = {}) => {
    for (const [name, v] of Object.entries(readYaml(src, 'patterns.yaml', PatternsYaml))) {
      const { re, flags } = typeof v === 'string' ? { re: v, flags: 'u' } : v;
      const source = re.replace(/\{([a-z-]+)\}/g, (m: string, k: string) => fill[k] ?? m);
      patterns.set(`${src.id}/${name}`, compileRegex(src, 'patterns.yaml', source, flags.includes('u') ? flags : flags + 'u'));
    }
  };
  const close = (src: PackSource) => packs.push({ id: src.id, version: src.version, sha256: src.hash.digest('hex') });

  const np = open('normalize');
  const t2s = new Map<string, string>();
  readCharMap(np, 't2s.txt', t2s);
  // radicals a PDF writes for ideographs (⼈ ⺠ ⻓): Kangxi Radicals by their compatibility mapping, the
  // supplement's simplified forms from radicals.txt; the view maps them like traditional forms, one for one
  const radicals = new Map<string, string>();
  for (let c = 0x2f00; c <= 0x2fd5; c++) {
    const r = String.fromCharCode(c);
    const to = r.normalize('NFKC');
    if (to.length === 1 && to !== r) radicals.set(r, to);
  }
  readCharMap(np, 'radicals.txt', radicals);
  for (const [k, v] of radicals) t2s.set(k, t2s.get(v) ?? v);
  close(np);

  const bp = open('boilerplate');
  const b = readYaml(bp, 'boilerplate.yaml', BoilerplateYaml);
  const boilerplate = {
    ...b,
    breadcrumbRe: b.breadcrumb.map((s) => compileRegex(bp, 'boilerplate.yaml', s)),
    furnitureRe: b.furniture.map((s) => compileRegex(bp, 'boilerplate.yaml', s)),
    captionDate: compileRegex(bp, 'boilerplate.yaml', b.caption['date-opening']),
  };
  close(bp);

  const mp = open('meta');
  const meta = readYaml(mp, 'meta.yaml', MetaYaml);
  for (const k of ['draft', 'congress', 'place', 'redacted-place', 'adopted', 'published', 'session', 'date', 'amended-words', 'adopted-words', 'approval-only-words', 'effective'] as const) compileRegex(mp, 'meta.yaml', meta[k]);
  readPatterns(mp, { place: meta.place, congress: meta.congress, government: meta.government });
  close(mp);

  const stp = open('structure');
  const sy = readYaml(stp, 'structure.yaml', StructureYaml);
  for (const v of Object.values(sy.headings)) compileRegex(stp, 'structure.yaml', v.replace(/\{numeral\}/g, sy.numeral));
  const structure = { ...sy, headingEnd: compileRegex(stp, 'structure.yaml', sy['heading-end']) };
  readPatterns(stp);
  close(stp);

  const qp = open('quantity');
  const units = new Map<string, UnitInfo>();
  for (const [u, dimension, base, factor, as] of readLexicon(qp, 'units.txt')) {
    const f = Number(factor);
    if (!dimension || !base || !Number.isFinite(f)) throw new PackError(join(qp.dir, 'units.txt'), `"${u}" needs a dimension, a base unit and a numeric factor`);
    units.set(u!, { as: as ?? u!, dimension, base, factor: f });
  }
  const qy = readYaml(qp, 'quantity.yaml', QuantityYaml);
  const idioms = readLexicon(qp, 'idioms.txt').map((f) => f[0]!);
  const unitPattern = alternation([...units.keys()]);
  const lists: Record<string, string> = {
    unit: unitPattern,
    magnitude: alternation(Object.keys(qy.magnitudes)),
    // 上百次, 上千人: a prefix that makes a bare 百/千/万 an approximate count, and nothing else one
    'approx-prefix': qy.approx['magnitude-prefix'].length
      ? `${alternation(qy.approx.prefix)}|(?:${alternation(qy.approx['magnitude-prefix'])})(?=${alternation(Object.keys(qy.magnitudes).filter((m) => m.length === 1 && qy.magnitudes[m]! >= 100))})`
      : alternation(qy.approx.prefix),
    'approx-suffix-1': alternation(qy.approx.suffix.filter((w) => w.length === 1)),
    'approx-suffix-2': alternation(qy.approx.suffix.filter((w) => w.length > 1)),
    'range-separator': alternation(qy.range.separators),
    'suffix-comparator': alternation(qy.comparators.suffix.map((c) => c.word)),
    'cn-digit': CN_NUMERAL_CHARS,
    redacted: alternation(qy.redacted.marks),
  };
  const resolve = composeGrammar(join(qp.dir, 'quantity.yaml'), qy.grammar, lists);
  const compiled = qy.rules.map((r) => {
    if (!(r.pattern in qy.grammar)) throw new PackError(join(qp.dir, 'quantity.yaml'), `rule ${r.id}: no grammar pattern "${r.pattern}"`);
    const pattern = resolve(r.pattern);
    // a wrong `requires` would make the rule miss silently: every example's match must contain it
    if (r.requires && !pattern.includes(r.requires)) throw new PackError(join(qp.dir, 'quantity.yaml'), `rule ${r.id}: requires "${r.requires}", which its pattern does not contain`);
    for (const e of r.requires ? r.examples ?? [] : []) {
      if (typeof e.raw === 'string' && !e.raw.includes(r.requires!)) throw new PackError(join(qp.dir, 'quantity.yaml'), `rule ${r.id}: requires "${r.requires}", but its example ${JSON.stringify(e.text)} matches "${e.raw}" without it`);
    }
    const re = compileRegex(qp, 'quantity.yaml', pattern, 'gu');
    return { id: r.id, pattern, requires: r.requires ?? null, re, scan: new Scanner(re), examples: r.examples ?? [] };
  });
  const quantity: QuantityRules = {
    ...qy,
    units,
    unitPattern,
    compiled,
    idioms,
    idiomPattern: compileRegex(qp, 'idioms.txt', alternation(idioms), 'gu'),
    sessionOrdinal: compileRegex(qp, 'quantity.yaml', qy['not-quantity']['session-ordinal'], 'gu'),
    several: compileRegex(qp, 'quantity.yaml', qy['not-quantity'].several, 'gu'),
  };
  for (const s of [...qy.comparators.inclusive, ...qy.comparators.exclusive]) compileRegex(qp, 'quantity.yaml', s);
  readPatterns(qp);
  close(qp);

  const nnp = open('named-numbers');
  const slogans = readLexicon(nnp, 'slogans.txt').map((f) => f[0]!);
  const ny = readYaml(nnp, 'named-numbers.yaml', NamedYaml);
  const named = {
    slogans,
    quoted: ny.quoted,
    patterns: ny.patterns.map((p) => {
      const { pattern: src, requires } = typeof p === 'string' ? { pattern: p, requires: null } : p;
      if (requires && !src.includes(requires)) throw new PackError(join(nnp.dir, 'named-numbers.yaml'), `pattern ${src}: requires "${requires}", which the pattern does not contain`);
      return { re: compileRegex(nnp, 'named-numbers.yaml', src, 'gu'), requires };
    }),
    numeral: compileRegex(nnp, 'named-numbers.yaml', ny.quoted.numeral),
    notIf: compileRegex(nnp, 'named-numbers.yaml', ny.quoted['not-if']),
  };
  readPatterns(nnp);
  close(nnp);

  const op = open('obligation');
  const obligation = readYaml(op, 'obligation.yaml', ObligationYaml);
  for (const k of ['frequency-every', 'report-markers', 'statistic-period', 'action-strip-head', 'action-strip-tail'] as const) compileRegex(op, 'obligation.yaml', obligation[k]);
  const fromPatterns = obligation['from-patterns'].map((x) => compileRegex(op, 'obligation.yaml', x, 'gu'));
  if (obligation.measures[obligation.measures.length - 1]?.measure !== 'other') throw new PackError(join(op.dir, 'obligation.yaml'), 'measures: the last rule must be the catch-all { measure: other }');
  readPatterns(op);
  close(op);

  const tp = open('topics');
  const topicsYaml = readYaml(tp, 'topics.yaml', TopicsYaml);
  const topics = topicsYaml.topics;
  const topicMinScore = topicsYaml['min-score'];
  close(tp);

  const sp = open('segment');
  // nodejieba reads the user dictionary from a file; keep only the entries (comments stripped)
  const segmentDict = readLexicon(sp, 'dict.txt').map((f) => f.join(' ')).join('\n') + '\n';
  const stopwords = new Set(readLexicon(sp, 'stopwords.txt').map((f) => f[0]!));
  const mainDictMinFrequency = readYaml(sp, 'segment.yaml', z.object({ 'main-dict-min-frequency': z.number().int().min(0) }))['main-dict-min-frequency'];
  close(sp);

  const cp = open('compare');
  const formulae = readLexicon(cp, 'formulae.txt').map((f) => f.join(''));
  const themes = readYaml(cp, 'themes.yaml', ThemesYaml).themes;
  const scales = readYaml(cp, 'scales.yaml', ScalesYaml);
  // every time unit of the units lexicon must have its length in days, or its deadlines could not be ordered
  for (const u of units.values()) {
    if (u.dimension === 'time' && scales.days[u.base] === undefined) throw new PackError(join(cp.dir, 'scales.yaml'), `days: no entry for the time unit "${u.base}" of units.txt`);
  }
  readPatterns(cp);
  close(cp);

  const mtp = open('matters');
  const matters = readYaml(mtp, 'matters.yaml', MattersYaml);
  const ids = new Set<string>();
  for (const m of matters.matters) {
    if (ids.has(m.id)) throw new PackError(join(mtp.dir, 'matters.yaml'), `duplicate matter id "${m.id}"`);
    ids.add(m.id);
    if (!topics.some((t) => t.id === m.topic) && m.topic !== 'other') throw new PackError(join(mtp.dir, 'matters.yaml'), `matter ${m.id}: unknown topic "${m.topic}"`);
  }
  for (const e of matters.examples ?? []) if (!ids.has(e.matter)) throw new PackError(join(mtp.dir, 'matters.yaml'), `example "${e.text}": unknown matter "${e.matter}"`);
  for (const m of matters.matters) for (const a of m.also ?? []) if (!ids.has(a)) throw new PackError(join(mtp.dir, 'matters.yaml'), `matter ${m.id}: also names an unknown matter "${a}"`);
  close(mtp);

  const rules: Rules = {
    dir, patterns, packs, manifests, t2s, radicals, boilerplate, meta, structure, quantity, named, obligation: { ...obligation, fromPatterns }, topics, topicMinScore, segmentDict, mainDictMinFrequency, stopwords, formulae, themes, scales, matters,
  };
  cache.set(dir, rules);
  return rules;
}

/** A pack's named pattern (`obligation/condition-clause-end`); a missing one is a pack error, not a silent miss. */
export function pattern(rules: Rules, name: string): RegExp {
  const re = rules.patterns.get(name);
  if (!re) throw new PackError(join(rules.dir, name.split('/')[0]!, 'patterns.yaml'), `no pattern "${name.split('/')[1]}"`);
  if (re.global || re.sticky) re.lastIndex = 0;
  return re;
}

export const literalRe = (words: readonly string[], flags = 'gu'): RegExp => new RegExp(alternation(words), flags);
export { escapeRegex as escape };
