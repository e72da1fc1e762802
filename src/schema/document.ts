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
  severity: z.enum(['error', 'warning', 'info']).describe('error: the document could not be read as intended; warning: something was lost or guessed; info: a remark'),
  code: z.string().describe('a stable rule id: ingest/pdf-radicals, structure/no-sections, extract/too-many-quantities …'),
  stage: z.string().describe('the pipeline stage that raised it'),
  message: z.string().describe('one line for a person'),
  span: SpanSchema.optional(),
}).meta({ id: 'Diagnostic', description: 'a remark of one stage about the document, with a rule id' });

export const SourceSchema = z.object({
  path: z.string().describe('the path as given'),
  name: z.string().describe('the file name'),
  format: z.enum(['txt', 'html', 'pdf', 'docx']).describe('the input format'),
  encoding: z.string().describe('the detected text encoding: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5'),
  bytes: z.number().int().describe('size of the file in bytes'),
  sha256: z.string().describe('SHA-256 of the file\'s bytes: the document\'s identity across runs'),
  pages: z.number().int().optional().describe('pages of a PDF'),
  blocks: z.array(z.object({
    kind: z.enum(['page', 'paragraph']).describe('a PDF page or a DOCX paragraph'),
    n: z.number().int().describe('its number, from 1'),
    span: SpanSchema,
  })).optional().describe('where each page (PDF) or paragraph (DOCX) lies in text'),
}).meta({ id: 'Source', description: 'the input file' });

export const MetaSchema = z.object({
  title: z.string().nullable().describe('the title without markdown, line breaks inside it removed, radicals a PDF wrote read as ideographs'),
  titleSpan: SpanSchema.nullable(),
  issuer: z.string().nullable().describe('the body that adopted or issued it: 山东省人民代表大会常务委员会, 青海省人民政府'),
  place: z.object({
    name: z.string().nullable().describe('the lowest administrative unit: 长春市, 东城区, 山东省, 全国'),
    level: PlaceLevelSchema.nullable().describe('national, province (municipalities too), city, district, county, township'),
    redacted: z.boolean().describe('the text names its place with a placeholder (X市)'),
  }).describe('where the document applies'),
  docType: DocTypeSchema.describe('opinion, decision, work-review, speech, rules, news or other, from the title'),
  draft: z.boolean().describe('a draft (草案, 征求意见稿)'),
  adoptedOn: z.string().nullable().describe('first adoption (通过/批准), ISO date'),
  amendedOn: z.array(z.string()).describe('later amendments and revisions (修正/修订), ISO dates in order'),
  effectiveOn: z.string().nullable().describe('entry into force (自…起施行), ISO date'),
  publishedOn: z.string().nullable().describe('publication date of a web page (发布时间), ISO date'),
  session: z.string().nullable().describe('the session that adopted it, as written: 第十五届人民代表大会常务委员会第四十次会议'),
}).meta({ id: 'Meta', description: 'what the document is' });

export const BoilerplateSchema = z.object({
  span: SpanSchema,
  reason: z.enum(['breadcrumb', 'page-furniture', 'advertising', 'photo-caption', 'duplicate']).describe('why it is not body text (a duplicate is kept but flagged)'),
  text: z.string().describe('the passage as in the source'),
  duplicateOf: SpanSchema.optional(),
}).meta({ id: 'Boilerplate', description: 'a passage that is not the document\'s own body text' });

export const ItemSchema = z.object({
  number: z.number().int().describe('the item\'s number: （三） is 3'),
  label: z.string().describe('the marker as written: （一）'),
  span: SpanSchema,
}).meta({ id: 'Item', description: 'a numbered item (项) of an article' });

export const ArticleSchema = z.object({
  type: z.literal('article').describe('an article: 第X条, 1., （一）'),
  number: z.number().int().describe('its number: 第十四条 is 14'),
  label: z.string().describe('as written: 第十四条, 15, （三）'),
  heading: z.string().describe('its first sentence, as in the source'),
  span: SpanSchema,
  headingSpan: SpanSchema,
  part: z.string().nullable().describe('the 第X节 the article stands in, if any'),
  paragraphs: z.array(SpanSchema).describe('the paragraphs (款) of the article'),
  items: z.array(ItemSchema).describe('numbered items (项) such as （一）'),
}).meta({ id: 'Article', description: 'an article with its paragraphs and items' });

export const SectionSchema = z.object({
  type: z.literal('section').describe('a section (一、) or a chapter (第X章)'),
  number: z.number().int().describe('its number'),
  label: z.string().describe('一 for 一、 headings, 第二章 for chapters'),
  heading: z.string().describe('the heading as in the source'),
  span: SpanSchema,
  headingSpan: SpanSchema,
  parts: z.array(z.object({
    label: z.string().describe('第一节'), heading: z.string().describe('the heading as in the source'), span: SpanSchema,
  })).describe('第X节 inside a chapter'),
  articles: z.array(ArticleSchema).describe('the articles inside it'),
}).meta({ id: 'Section', description: 'a section or chapter with its articles' });

/** A document's structure: sections (一、, 第X章) with their articles, or articles alone in a regulation without chapters. */
export const StructureNodeSchema = z.discriminatedUnion('type', [SectionSchema, ArticleSchema]);

export const SentenceSchema = z.object({
  span: SpanSchema,
  clauses: z.array(SpanSchema).describe('its clauses (split on ，：)'),
}).meta({ id: 'Sentence', description: 'a sentence (split on 。；！？ and line breaks)' });

export const QuantitySchema = z.object({
  value: z.number().nullable().describe('the number (万, 亿 applied; 二分之一 is 0.5; a percentage as written: 5.5); null for a range or a redacted number'),
  min: z.number().nullable().describe('lower end of a range (1-3个)'),
  max: z.number().nullable().describe('upper end of a range'),
  unit: z.string().describe('the unit as written (个月, 个工作日, 名); "" for a share'),
  comparator: ComparatorSchema,
  approx: z.boolean().describe('约, 近, 余, 多, 左右'),
  redacted: z.boolean().describe('the number is a placeholder (X余项)'),
  raw: z.string().describe('the quantity as in the source'),
  span: SpanSchema,
  ruleId: z.string().describe('the grammar rule (or filter) that made the quantity'),
  measure: MeasureSchema,
  dimension: z.string().describe('the unit\'s dimension: time, people, count, money, percent, share …'),
  canonical: z.object({
    value: z.number().nullable().describe('the value in the base unit'), min: z.number().nullable().describe('range, lower end'), max: z.number().nullable().describe('range, upper end'),
    unit: z.string().describe('base unit: day, workday, month, year, person, yuan, share …'),
  }).nullable().describe('the value in base units, so that 3 个月 and 90 日 can be ordered'),
}).meta({ id: 'Quantity' });

const ItemBase = {
  id: z.string().describe('o-<offset> or s-<offset>: the item\'s id, stable for the same input and packs'),
  text: z.string().describe('the clause the item belongs to, as in the source'),
  span: SpanSchema.describe('span of the clause'),
  sentence: SpanSchema,
  article: z.string().nullable().describe('structure path, e.g. 四.15 or 第二章.第十四条'),
  topic: z.string().describe('topic id from extractors/topics (deputy-contact, proposals …), or other'),
  reasons: z.array(z.string()).describe('why the item was classed as an obligation or a statistic'),
  duplicate: z.boolean().describe('true when the sentence repeats an earlier one verbatim'),
  quantity: QuantitySchema.nullable().describe('the number, or null for a rule stated only by a period (定期听取)'),
};

export const ObligationSchema = z.object({
  ...ItemBase,
  kind: z.literal('obligation').describe('a rule: what someone must, should or may do, or a target'),
  actor: SliceSchema.nullable().describe('who bears the rule: the clause\'s subject, or one carried from the sentence or a list\'s lead-in'),
  modality: ModalitySchema,
  hedged: z.boolean().describe('一般, 原则上: the rule admits exceptions'),
  cue: SliceSchema.nullable().describe('the modal word'),
  action: SliceSchema.nullable().describe('what the actor must do, from the clause'),
  frequency: z.string().nullable().describe('the frequency word as written: 每年, 每两个月, 定期'),
  period: z.string().nullable().describe('year, month, 2-month, quarter, half-year, week, term, regular …'),
  per: z.enum(['person', 'unit']).nullable().describe('a rule for each person (每人) or each unit (每个)'),
  from: SliceSchema.nullable().describe('the starting event of a time limit: 自交办之日起, 会议举行…前'),
  condition: SliceSchema.nullable().describe('when the rule applies: 代表对答复不满意的, 涉及面广、处理难度大的'),
  sanction: SliceSchema.nullable().describe('what follows when it is broken: 劝其辞去…, 予以通报批评'),
}).meta({ id: 'Obligation', description: 'a rule with its frame, every part a slice of the source' });

export const StatisticSchema = z.object({
  ...ItemBase,
  kind: z.literal('statistic').describe('a reported fact: what was done, how much'),
  metric: z.string().nullable().describe('what is counted: 地方性法规, 代表建议'),
  action: z.string().nullable().describe('the verb that did it: 制定, 审议'),
  period: z.string().nullable().describe('the period the figure covers, as written: 去年, 五年来, 2022年'),
}).meta({ id: 'Statistic', description: 'a reported figure' });

export const NamedNumberSchema = z.object({
  text: z.string().describe('the slogan as written: 四个意识, “一府一委两院”'),
  span: SpanSchema,
  numbers: z.array(z.number()).describe('the numbers inside it (never quantities)'),
  source: z.enum(['lexicon', 'quoted', 'pattern']).describe('found in the slogan lexicon, as a short quoted phrase, or by a pattern'),
}).meta({ id: 'NamedNumber', description: 'a slogan or named concept that contains a number' });

export const PackRefSchema = z.object({
  id: z.string().describe('the rule pack'), version: z.string().describe('its semver'), sha256: z.string().describe('hash of its files: the exact rules used'),
});

export const DocumentSchema = z.object({
  zhidu: z.object({
    version: z.string().describe('zhidu\'s version'), schema: z.literal(1).describe('the version of this document model'),
    packs: z.array(PackRefSchema).describe('the rule packs that made this result'),
    offsets: z.enum(['utf16', 'codepoint']).describe('the unit of every span: UTF-16 code units (JavaScript, Java) or code points (Python, R; --offsets codepoint)'),
  }).describe('which tool, rules and offset unit made this result'),
  source: SourceSchema.describe('the input file'),
  text: z.string().describe('the decoded source text, unchanged: every span points into it'),
  meta: MetaSchema.describe('title, issuer, place, type and dates'),
  boilerplate: z.array(BoilerplateSchema).describe('passages that are not body text'),
  structure: z.array(StructureNodeSchema).describe('chapters, sections and articles'),
  sentences: z.array(SentenceSchema).optional().describe('every sentence with its clauses; only with --with-sentences (each obligation and statistic has its own sentence span)'),
  obligations: z.array(ObligationSchema).describe('the rules, with their frames'),
  statistics: z.array(StatisticSchema).describe('the reported figures'),
  namedNumbers: z.array(NamedNumberSchema).describe('slogans with numbers, which are not quantities'),
  diagnostics: z.array(DiagnosticSchema).describe('what the stages have to say about the document'),
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
