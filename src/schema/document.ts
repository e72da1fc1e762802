import { z } from 'zod';

/** `[start, end)` in UTF-16 code units into `text`. */
export const SpanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).meta({ id: 'Span', description: 'Half-open [start, end) offsets into text (UTF-16 code units)' });

export const DocTypeSchema = z.enum(['opinion', 'decision', 'work-review', 'speech', 'rules', 'news', 'other']);
export const PlaceLevelSchema = z.enum(['province', 'city', 'district', 'county']);
export const ComparatorSchema = z.enum(['eq', 'gte', 'lte', 'gt', 'lt', 'range']);
export const ModalitySchema = z.enum(['must', 'should', 'may', 'must-not']);

export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  stage: z.string(),
  message: z.string(),
  span: SpanSchema.optional(),
}).meta({ id: 'Diagnostic' });

export const SourceSchema = z.object({
  path: z.string(),
  name: z.string(),
  format: z.enum(['txt', 'html', 'pdf', 'docx']),
  encoding: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  pages: z.number().int().optional(),
  blocks: z.array(z.object({ kind: z.enum(['page', 'paragraph']), n: z.number().int(), span: SpanSchema })).optional(),
}).meta({ id: 'Source' });

export const MetaSchema = z.object({
  title: z.string().nullable(),
  titleSpan: SpanSchema.nullable(),
  issuer: z.string().nullable(),
  place: z.object({ name: z.string().nullable(), level: PlaceLevelSchema.nullable(), redacted: z.boolean() }),
  docType: DocTypeSchema,
  draft: z.boolean(),
  adoptedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  session: z.string().nullable(),
}).meta({ id: 'Meta' });

export const BoilerplateSchema = z.object({
  span: SpanSchema,
  reason: z.enum(['breadcrumb', 'page-furniture', 'advertising', 'photo-caption', 'duplicate']),
  text: z.string(),
  duplicateOf: SpanSchema.optional(),
}).meta({ id: 'Boilerplate' });

export const ArticleSchema = z.object({
  type: z.literal('article'),
  number: z.number().int(),
  label: z.string(),
  heading: z.string(),
  span: SpanSchema,
  headingSpan: SpanSchema,
}).meta({ id: 'Article' });

export const SectionSchema = z.object({
  type: z.literal('section'),
  number: z.number().int(),
  label: z.string(),
  heading: z.string(),
  span: SpanSchema,
  headingSpan: SpanSchema,
  articles: z.array(ArticleSchema),
}).meta({ id: 'Section' });

export const SentenceSchema = z.object({
  span: SpanSchema,
  clauses: z.array(SpanSchema),
}).meta({ id: 'Sentence' });

export const QuantitySchema = z.object({
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string(),
  comparator: ComparatorSchema,
  approx: z.boolean(),
  redacted: z.boolean(),
  raw: z.string(),
  span: SpanSchema,
  ruleId: z.string(),
}).meta({ id: 'Quantity' });

const ItemBase = {
  id: z.string(),
  text: z.string().describe('the clause the item belongs to, as in the source'),
  span: SpanSchema.describe('span of the clause'),
  sentence: SpanSchema,
  article: z.string().nullable().describe('structure path, e.g. 四.15'),
  topic: z.string(),
  duplicate: z.boolean().describe('true when the sentence repeats an earlier one verbatim'),
  quantity: QuantitySchema.nullable(),
};

export const ObligationSchema = z.object({
  ...ItemBase,
  kind: z.literal('obligation'),
  actor: z.string().nullable(),
  modality: ModalitySchema,
  cue: z.string().nullable(),
  action: z.string().nullable(),
  frequency: z.string().nullable(),
  period: z.string().nullable(),
  per: z.enum(['person', 'unit']).nullable(),
  condition: z.string().nullable(),
  sanction: z.string().nullable(),
}).meta({ id: 'Obligation' });

export const StatisticSchema = z.object({
  ...ItemBase,
  kind: z.literal('statistic'),
  metric: z.string().nullable(),
  action: z.string().nullable(),
  period: z.string().nullable(),
}).meta({ id: 'Statistic' });

export const NamedNumberSchema = z.object({
  text: z.string(),
  span: SpanSchema,
  numbers: z.array(z.number()),
  source: z.enum(['lexicon', 'quoted', 'pattern']),
}).meta({ id: 'NamedNumber' });

export const PackRefSchema = z.object({ id: z.string(), version: z.string(), sha256: z.string() });

export const DocumentSchema = z.object({
  zhidu: z.object({ version: z.string(), schema: z.literal(1), packs: z.array(PackRefSchema) }),
  source: SourceSchema,
  text: z.string(),
  meta: MetaSchema,
  boilerplate: z.array(BoilerplateSchema),
  structure: z.array(SectionSchema),
  sentences: z.array(SentenceSchema),
  obligations: z.array(ObligationSchema),
  statistics: z.array(StatisticSchema),
  namedNumbers: z.array(NamedNumberSchema),
  diagnostics: z.array(DiagnosticSchema),
}).meta({ id: 'ZhiduDocument', title: 'zhidu document model' });

export const ErrorRecordSchema = z.object({
  error: z.object({ code: z.string(), exitCode: z.number().int(), message: z.string() }),
  source: z.object({ path: z.string(), name: z.string(), sha256: z.string().nullable() }),
}).meta({ id: 'ErrorRecord' });

export type Span = z.infer<typeof SpanSchema>;
export type DocType = z.infer<typeof DocTypeSchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type Boilerplate = z.infer<typeof BoilerplateSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Sentence = z.infer<typeof SentenceSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Obligation = z.infer<typeof ObligationSchema>;
export type Statistic = z.infer<typeof StatisticSchema>;
export type NamedNumber = z.infer<typeof NamedNumberSchema>;
export type ZhiduDocument = z.infer<typeof DocumentSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
