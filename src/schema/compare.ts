import { z } from 'zod';
import { ObligationSchema, QuantitySchema, SpanSchema, StatisticSchema } from './document.js';

export const CompareDocSchema = z.object({
  id: z.string(),
  label: z.string(),
  path: z.string(),
  title: z.string().nullable(),
  place: z.string().nullable(),
  year: z.number().int().nullable(),
  docType: z.string(),
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

export const ReuseSchema = z.object({
  a: z.string(), b: z.string(),
  aSpan: SpanSchema, bSpan: SpanSchema,
  aText: z.string(), bText: z.string(),
  length: z.number().int().describe('characters shared (punctuation and spaces not counted)'),
  exact: z.boolean().describe('false for a near-copy with small edits'),
  kind: z.enum(['formulaic', 'distinctive']),
  documentsWith: z.number().int().describe('how many corpus documents contain the passage'),
  formula: z.string().nullable().describe('the known formula it matches, from extractors/compare/formulae.txt'),
}).meta({ id: 'Reuse' });

export const ThemeRowSchema = z.object({
  theme: z.string(),
  label: z.string(),
  cells: z.record(z.string(), z.array(z.object({ label: z.string(), heading: z.string(), span: SpanSchema }))),
}).meta({ id: 'ThemeRow' });

export const ComparisonSchema = z.object({
  zhidu: z.object({ version: z.string(), packs: z.array(z.object({ id: z.string(), version: z.string(), sha256: z.string() })) }),
  documents: z.array(CompareDocSchema),
  rules: z.array(RuleRowSchema),
  statistics: z.array(StatRowSchema),
  similarity: z.object({
    matrix: z.array(z.array(z.number())).describe('TF-IDF cosine, rows and columns in documents order'),
    articles: z.array(ArticleMatchSchema),
  }),
  reuse: z.array(ReuseSchema),
  structure: z.array(ThemeRowSchema),
}).meta({ id: 'Comparison', title: 'zhidu comparison' });

export type CompareDoc = z.infer<typeof CompareDocSchema>;
export type RuleRow = z.infer<typeof RuleRowSchema>;
export type StatRow = z.infer<typeof StatRowSchema>;
export type ArticleMatch = z.infer<typeof ArticleMatchSchema>;
export type Reuse = z.infer<typeof ReuseSchema>;
export type ThemeRow = z.infer<typeof ThemeRowSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
