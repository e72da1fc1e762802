import { z } from 'zod';
import { DiagnosticSchema, ObligationSchema, QuantitySchema, SpanSchema, StatisticSchema } from './document.js';

export const CompareDocSchema = z.object({
  id: z.string(),
  label: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  place: z.string().nullable(),
  year: z.number().int().nullable(),
  docType: z.string(),
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).describe('the document\'s variables from its corpus manifest (family, level, … and any the researcher added)'),
  warnings: z.array(DiagnosticSchema).describe('the document\'s own warnings and errors (a date that is no date, text lost in reading): why a cell may be missing'),
}).meta({ id: 'CompareDoc' });

export const RuleCellItemSchema = z.object({
  normal: z.string().describe('compact normal form: ≥3 名/人, ≥1 次/年, 1–3 个/人, 每月 (frequency only)'),
  obligation: ObligationSchema,
}).meta({ id: 'RuleCellItem' });

export const SpreadSchema = z.object({
  unit: z.string(),
  period: z.string().nullable(),
  min: z.number(),
  max: z.number(),
  strictest: z.array(z.string()).describe('document ids with the most demanding rule'),
  documents: z.number().int(),
}).meta({ id: 'Spread' });

export const RuleRowSchema = z.object({
  topic: z.string(),
  label: z.string(),
  cells: z.record(z.string(), z.array(RuleCellItemSchema)).describe('document id → that document\'s rules on the topic (empty: no such rule)'),
  spread: z.array(SpreadSchema),
}).meta({ id: 'RuleRow' });

export const MatterCellSchema = z.object({
  document: z.string().describe('the document id (column)'),
  normal: z.string().describe('the rule in short: ≤3 个月 自交办之日起, ≥1 次 / 2 month'),
  full: z.string().describe('the rule in full: comparator, value and unit, period, starting event, modality, hedge, condition, sanction, article'),
  measure: z.string().nullable(),
  comparator: z.string().nullable(),
  value: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(),
  unit: z.string().nullable().describe('the unit as written'),
  canonical: z.object({ value: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), unit: z.string() }).nullable(),
  days: z.number().nullable().describe('a time limit in days (1 个工作日 = 1.4, 1 个月 = 30) for ordering across units'),
  period: z.string().nullable(),
  from: z.string().nullable().describe('the starting event of a time limit'),
  modality: z.string(),
  hedged: z.boolean(),
  condition: z.string().nullable(),
  sanction: z.string().nullable(),
  article: z.string().nullable(),
  mark: z.enum(['inherited', 'changed', 'local', 'reference']).nullable().describe('against --reference texts: inherited (same matter and value), changed (same matter, another value), local (a matter the reference does not set)'),
  obligation: ObligationSchema,
}).meta({ id: 'MatterCell' });

export const MatterSpreadSchema = z.object({
  unit: z.string().describe('the common scale: day for time limits, time/year for a frequency with a period (每两个月 → 6), else the canonical unit'),
  min: z.number(), max: z.number(),
  direction: z.enum(['more', 'less', 'neutral']).describe('less: a smaller number is more demanding (deadlines); more: a larger one is (frequencies, lead times); neutral: higher/lower only'),
  mostDemanding: z.array(z.string()).nullable(),
  highest: z.array(z.string()), lowest: z.array(z.string()),
  documents: z.number().int(),
  note: z.string(),
}).meta({ id: 'MatterSpread' });

export const MatterRowSchema = z.object({
  matter: z.string().describe('matter id from extractors/matters (with @scope when split by level), or similar-N for a group found by similarity'),
  label: z.string().describe('what the row is: the lexicon label, or the most central clause'),
  topic: z.string().describe('the topic the matter is grouped under'),
  measure: z.string().nullable(),
  scope: z.string().nullable(),
  reasons: z.array(z.string()).describe('why these rules were put together'),
  documents: z.number().int().describe('how many documents set the matter'),
  cells: z.record(z.string(), z.array(MatterCellSchema)).describe('document id → its rules on the matter; a document without one is absent'),
  spread: MatterSpreadSchema.nullable().describe('within the matter only, on a common scale; null when the cells disagree in unit dimension'),
}).meta({ id: 'MatterRow' });

export const ChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  matter: z.string(), label: z.string(),
  old: z.array(z.string()).describe('the old version\'s rules (normal form with article)'),
  new: z.array(z.string()),
}).meta({ id: 'Change' });

export const VersionsSchema = z.object({
  old: z.string(), new: z.string(),
  detected: z.boolean().describe('true when the pair was found from metadata (same title and issuer, different dates)'),
  changes: z.array(ChangeSchema),
}).meta({ id: 'Versions' });

export const StatRowSchema = z.object({
  key: z.string(),
  topic: z.string(),
  metric: z.string(),
  unit: z.string(),
  cells: z.record(z.string(), z.array(z.object({ normal: z.string(), quantity: QuantitySchema, statistic: StatisticSchema }))),
}).meta({ id: 'StatRow' });

export const ArticleMatchSchema = z.object({
  a: z.string(), b: z.string(),
  aArticle: z.string(), bArticle: z.string(),
  aHeading: z.string(), bHeading: z.string(),
  score: z.number(),
}).meta({ id: 'ArticleMatch' });

export const NeighbourSchema = z.object({
  a: z.string(), b: z.string(),
  rank: z.number().int().describe('1 for the document most like a'),
  score: z.number().describe('TF-IDF cosine over character pairs'),
}).meta({ id: 'Neighbour' });

export const ReuseSchema = z.object({
  a: z.string(), b: z.string(),
  aSpan: SpanSchema, bSpan: SpanSchema,
  aText: z.string(), bText: z.string(),
  length: z.number().int().describe('characters shared (punctuation and spaces not counted)'),
  exact: z.boolean().describe('false for a near-copy with small edits'),
  kind: z.enum(['formulaic', 'distinctive', 'reference']).describe('reference: copied from a --reference text; formulaic: a known formula or in half the corpus (at most 50 documents); distinctive otherwise'),
  documentsWith: z.number().int().describe('how many corpus documents contain the passage'),
  formula: z.string().nullable().describe('the known formula it matches, from extractors/compare/formulae.txt'),
}).meta({ id: 'Reuse' });

export const ReusePairSchema = z.object({
  a: z.string(), b: z.string(),
  passages: z.number().int(), sharedChars: z.number().int().describe('characters in shared passages (punctuation not counted)'),
  shareOfA: z.number().describe('shared characters ÷ characters of A'), shareOfB: z.number(),
  distinctive: z.number().int(), formulaic: z.number().int(), fromReference: z.number().int(),
  longest: z.array(z.object({ length: z.number().int(), aText: z.string(), bText: z.string(), kind: z.string() })).describe('the three longest passages'),
}).meta({ id: 'ReusePair' });

export const ReuseFormulaSchema = z.object({
  text: z.string(), documents: z.array(z.string()), passages: z.number().int(), formula: z.string().nullable(),
}).meta({ id: 'ReuseFormula', description: 'a passage that recurs in three or more documents, grouped once' });

export const ThemeRowSchema = z.object({
  theme: z.string(),
  label: z.string(),
  cells: z.record(z.string(), z.array(z.object({ label: z.string(), heading: z.string(), span: SpanSchema }))),
}).meta({ id: 'ThemeRow' });

export const ComparisonSchema = z.object({
  zhidu: z.object({ version: z.string(), packs: z.array(z.object({ id: z.string(), version: z.string(), sha256: z.string() })) }),
  documents: z.array(CompareDocSchema),
  rules: z.array(MatterRowSchema).describe('the matter table: one row per regulated matter'),
  topics: z.array(RuleRowSchema).describe('the same rules grouped by topic'),
  references: z.array(z.string()).describe('document ids given as reference texts'),
  versions: z.array(VersionsSchema),
  statistics: z.array(StatRowSchema),
  similarity: z.object({
    matrix: z.array(z.array(z.number())).describe('TF-IDF cosine, rows and columns in documents order; empty above 200 documents (see neighbours)'),
    neighbours: z.array(NeighbourSchema).describe('each document\'s most similar documents, best first; above 200 documents found among MinHash/LSH candidates, so a near neighbour can be missed'),
    articles: z.array(ArticleMatchSchema),
  }),
  reuse: z.array(ReuseSchema).describe('every reused passage with --full-reuse (library: fullReuse); otherwise the distinctive and reference-copied ones'),
  reuseSummary: z.object({ pairs: z.array(ReusePairSchema), formulas: z.array(ReuseFormulaSchema) }),
  structure: z.array(ThemeRowSchema),
}).meta({ id: 'Comparison', title: 'zhidu comparison' });

export type CompareDoc = z.infer<typeof CompareDocSchema>;
export type RuleRow = z.infer<typeof RuleRowSchema>;
export type MatterRow = z.infer<typeof MatterRowSchema>;
export type MatterCell = z.infer<typeof MatterCellSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type Versions = z.infer<typeof VersionsSchema>;
export type StatRow = z.infer<typeof StatRowSchema>;
export type ArticleMatch = z.infer<typeof ArticleMatchSchema>;
export type Neighbour = z.infer<typeof NeighbourSchema>;
export type Reuse = z.infer<typeof ReuseSchema>;
export type ReusePair = z.infer<typeof ReusePairSchema>;
export type ReuseFormula = z.infer<typeof ReuseFormulaSchema>;
export type ThemeRow = z.infer<typeof ThemeRowSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
