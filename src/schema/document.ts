import { z } from 'zod';

/** `[start, end)` in UTF-16 code units into `text`. */
export const SpanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).meta({ id: 'Span', description: 'Half-open [start, end) offsets into text (UTF-16 code units)' });

export const DocTypeSchema = z.enum(['opinion', 'decision', 'work-review', 'speech', 'rules', 'news', 'other']);
export const PlaceLevelSchema = z.enum(['national', 'province', 'city', 'district', 'county', 'township']);
export const ComparatorSchema = z.enum(['eq', 'gte', 'lte', 'gt', 'lt', 'range'])
  .describe('statutory meaning: 以上/不少于/至少/前/提前 gte; 以下/内/不超过/至迟 lte; 超过/过半数 gt; 不满/不足 lt; X至Y range');
export const ModalitySchema = z.enum(['must', 'should', 'may', 'must-not', 'target'])
  .describe('必须/binding statement must; 应当/应/要 should; 可以/有权 may; 不得/严禁 must-not; 力争/控制在/预期 target');
export const MeasureSchema = z.enum(['count', 'frequency', 'deadline', 'lead-time', 'duration', 'share', 'size', 'term', 'money', 'percent', 'rate', 'other'])
  .describe('what the number measures (see shared/regulations/gold/README.md)');

/** A piece of the source: `text === source.slice(...span)`. */
export const SliceSchema = z.object({
  text: z.string().describe('the words as in the source'),
  span: z.tuple([z.number().int().min(0), z.number().int().min(0)]).describe('[start, end) into text'),
}).meta({ id: 'Slice', description: 'a piece of the source text with its span' });

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
  adoptedOn: z.string().nullable().describe('first adoption (通过/批准), ISO date'),
  amendedOn: z.array(z.string()).describe('later amendments and revisions (修正/修订), ISO dates in order'),
  effectiveOn: z.string().nullable().describe('entry into force (自…起施行), ISO date'),
  publishedOn: z.string().nullable(),
  session: z.string().nullable(),
}).meta({ id: 'Meta' });

export const BoilerplateSchema = z.object({
  span: SpanSchema,
  reason: z.enum(['breadcrumb', 'page-furniture', 'advertising', 'photo-caption', 'duplicate']),
  text: z.string(),
  duplicateOf: SpanSchema.optional(),
}).meta({ id: 'Boilerplate' });

export const ItemSchema = z.object({
  number: z.number().int(),
  label: z.string().describe('the marker as written: （一）'),
  span: SpanSchema,
}).meta({ id: 'Item' });

export const ArticleSchema = z.object({
  type: z.literal('article'),
  number: z.number().int(),
  label: z.string().describe('as written: 第十四条, 15, （三）'),
  heading: z.string(),
  span: SpanSchema,
  headingSpan: SpanSchema,
  part: z.string().nullable().describe('the 第X节 the article stands in, if any'),
  paragraphs: z.array(SpanSchema).describe('the paragraphs (款) of the article'),
  items: z.array(ItemSchema).describe('numbered items (项) such as （一）'),
}).meta({ id: 'Article' });

export const SectionSchema = z.object({
  type: z.literal('section'),
  number: z.number().int(),
  label: z.string().describe('一 for 一、 headings, 第二章 for chapters'),
  heading: z.string(),
  span: SpanSchema,
  headingSpan: SpanSchema,
  parts: z.array(z.object({ label: z.string(), heading: z.string(), span: SpanSchema })).describe('第X节 inside a chapter'),
  articles: z.array(ArticleSchema),
}).meta({ id: 'Section' });

/** A document's structure: sections (一、, 第X章) with their articles, or articles alone in a regulation without chapters. */
export const StructureNodeSchema = z.discriminatedUnion('type', [SectionSchema, ArticleSchema]);

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
  ruleId: z.string().describe('the grammar rule (or filter) that made the quantity'),
  measure: MeasureSchema,
  dimension: z.string().describe('the unit\'s dimension: time, people, count, money, percent, share …'),
  canonical: z.object({
    value: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(),
    unit: z.string().describe('base unit: day, workday, month, year, person, yuan, share …'),
  }).nullable().describe('the value in base units, so that 3 个月 and 90 日 can be ordered'),
}).meta({ id: 'Quantity' });

const ItemBase = {
  id: z.string(),
  text: z.string().describe('the clause the item belongs to, as in the source'),
  span: SpanSchema.describe('span of the clause'),
  sentence: SpanSchema,
  article: z.string().nullable().describe('structure path, e.g. 四.15 or 第二章.第十四条'),
  topic: z.string(),
  reasons: z.array(z.string()).describe('why the item was classed as an obligation or a statistic'),
  duplicate: z.boolean().describe('true when the sentence repeats an earlier one verbatim'),
  quantity: QuantitySchema.nullable(),
};

export const ObligationSchema = z.object({
  ...ItemBase,
  kind: z.literal('obligation'),
  actor: SliceSchema.nullable().describe('who bears the rule: the clause\'s subject, or one carried from the sentence or a list\'s lead-in'),
  modality: ModalitySchema,
  hedged: z.boolean().describe('一般, 原则上: the rule admits exceptions'),
  cue: SliceSchema.nullable().describe('the modal word'),
  action: SliceSchema.nullable().describe('what the actor must do, from the clause'),
  frequency: z.string().nullable(),
  period: z.string().nullable().describe('year, month, 2-month, quarter, half-year, week, term, regular …'),
  per: z.enum(['person', 'unit']).nullable(),
  from: SliceSchema.nullable().describe('the starting event of a time limit: 自交办之日起, 会议举行…前'),
  condition: SliceSchema.nullable(),
  sanction: SliceSchema.nullable(),
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
  zhidu: z.object({
    version: z.string(), schema: z.literal(1), packs: z.array(PackRefSchema),
    offsets: z.enum(['utf16', 'codepoint']).describe('the unit of every span: UTF-16 code units (JavaScript, Java) or code points (Python, R; --offsets codepoint)'),
  }),
  source: SourceSchema,
  text: z.string(),
  meta: MetaSchema,
  boilerplate: z.array(BoilerplateSchema),
  structure: z.array(StructureNodeSchema),
  sentences: z.array(SentenceSchema).optional().describe('every sentence with its clauses; only with --with-sentences (each obligation and statistic has its own sentence span)'),
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
export type StructureNode = z.infer<typeof StructureNodeSchema>;
export type Slice = z.infer<typeof SliceSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Sentence = z.infer<typeof SentenceSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Obligation = z.infer<typeof ObligationSchema>;
export type Statistic = z.infer<typeof StatisticSchema>;
export type NamedNumber = z.infer<typeof NamedNumberSchema>;
export type ZhiduDocument = z.infer<typeof DocumentSchema>;
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;
