import { findBoilerplate, toBoilerplate } from './boilerplate/index.js';
import type { Context } from './core/context.js';
import { indexOverlapping, mergeSpans, overlaps, type Span } from './core/span.js';
import { everyRe, reFor, wordsOf } from './extract/cues.js';
import { buildFrames, contextOf, type SentenceNorm } from './extract/frame.js';
import { findNamedNumbers, toNamedNumbers } from './extract/named.js';
import { findQuantities, type Dropped } from './extract/quantity.js';
import { ingestBytes, ingestFile, type Ingested } from './ingest/index.js';
import { extractMeta } from './meta/index.js';
import { normalizeText } from './normalize/index.js';
import { loadRules, pattern, type Rules } from './packs/index.js';
import { checkPackExamples } from './packs/self-check.js';
import { DocumentSchema, type ZhiduDocument } from './schema/document.js';
import { segmentSpans, type Token } from './segment/index.js';
import { SentenceVerbs } from './segment/sentence-verbs.js';
import { parseStructure, splitSentencesNorm, toSentences } from './structure/index.js';
import { VERSION } from './version.js';
import { checkInPlace } from './schema/check.js';

export interface ProcessOptions {
  /** rule-pack directory (default: the bundled extractors/) */
  packs?: string;
  /** validate the result against the zod schema (default true) */
  validate?: boolean;
  /** keep every sentence and clause span in the output (default false: each item already has its sentence span) */
  withSentences?: boolean;
  /**
   * segment the whole sentence of every rule, so that `tokens` holds all its words (default true: compare
   * matches rules by them); extract, corpus and kwic, which read no tokens, segment only what frames read
   */
  ruleSentences?: boolean;
}

/** A processed document with the working state later stages (compare) read: normalised view and tokens. */
export interface Analysis {
  doc: ZhiduDocument;
  ctx: Context;
  /**
   * jieba's tokens of the text segmented: each rule's whole sentence when made with `ruleSentences` (the
   * default), else only what the frames read
   */
  tokens: Token[];
  /** normalised spans later stages skip (boilerplate other than duplicates) */
  skip: Span[];
  /** the body's sentences with their clauses, in the normalised view */
  sentences: SentenceNorm[];
  /** number candidates the numbered filters refused, each with the id of the filter (F01-ordinal …) */
  dropped: Dropped[];
}

/**
 * The sentences the frames read, and so the only ones jieba segments. Those holding a quantity are
 * segmented up front (`own`), up to the end of the clause of their last quantity (`whole` keeps the
 * sentences cut short, for the rest to be segmented when read). Those holding a period word (每年, 定期), where a rule may be stated by
 * frequency alone, and the earlier sentences of their article and their lead-in, where an actor may be
 * named, are segmented when a frame looks there (`later`). A sentence with only a modal word (应当) holds
 * no rule zhidu extracts; most sentences of a long report or regulation are such.
 */
function sentencesToSegment(ctx: Context, sentences: SentenceNorm[], quantities: { norm: Span }[]): { own: Span[]; whole: Map<number, Span>; later: Map<number, Span> } {
  const o = ctx.rules.obligation;
  const cues: number[] = [];
  for (const re of [reFor(wordsOf(o.frequency)), everyRe(ctx)]) {
    for (const m of ctx.norm.matchAll(re)) cues.push(m.index!);
  }
  cues.sort((a, b) => a - b);
  const own: Span[] = [];
  const whole = new Map<number, Span>();
  const later = new Map<number, Span>();
  let q = 0;
  let k = 0;
  sentences.forEach((s, si) => {
    while (q < quantities.length && quantities[q]!.norm[0] < s.span[0]) q++;
    while (k < cues.length && cues[k]! < s.span[0]) k++;
    const hasQuantity = q < quantities.length && quantities[q]!.norm[0] < s.span[1];
    const hasCue = k < cues.length && cues[k]! < s.span[1];
    if (!hasQuantity && !hasCue) return;
    if (hasQuantity) {
      let last = q;
      while (last + 1 < quantities.length && quantities[last + 1]!.norm[0] < s.span[1]) last++;
      const lq = quantities[last]!.norm;
      const clause = s.clauses.find((c) => c[0] <= lq[0] && lq[0] < c[1]);
      const end = Math.min(s.span[1], Math.max(clause ? clause[1] : s.span[1], lq[1]));
      own.push([s.span[0], end]);
      if (end < s.span[1]) whole.set(s.span[0], s.span);
    } else later.set(s.span[0], s.span);
    for (const c of contextOf(ctx, sentences, si)) later.set(c.span[0], c.span);
  });
  for (const s of own) later.delete(s[0]);
  return { own, whole, later };
}

/** The whole pipeline on decoded input: normalise → boilerplate → structure → meta → quantities → segment → frames. */
export function analyseIngested(ing: Ingested, rules: Rules, validate = true, withSentences = false, ruleSentences = true): Analysis {
  const map = normalizeText(ing.text, rules);
  const ctx: Context = { text: ing.text, map, norm: map.norm, rules, diagnostics: [...ing.diagnostics] };
  // a PDF printed by Chromium writes radicals for ideographs (⻓春市⼈⺠代表⼤会): read as ideographs, said as such
  const radicals = ing.text.match(/[\u2E80-\u2EF3\u2F00-\u2FD5]/gu)?.length ?? 0;
  if (radicals) ctx.diagnostics.push({ severity: 'warning', code: `${ing.source.format === 'pdf' ? 'ingest/pdf-radicals' : 'ingest/radicals'}`, stage: 'normalize', message: `${radicals} radical code point(s) stand for ideographs; the normalised view reads them as ideographs` });
  // `text` keeps the source as decoded; the normalised view has U+FFFD for an unpaired surrogate, and says so
  // isWellFormed answers in one native pass; the regex counts only when there is something to count
  const lone = (ing.text as string & { isWellFormed(): boolean }).isWellFormed() ? 0 : ing.text.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g)?.length ?? 0;
  if (lone) ctx.diagnostics.push({ severity: 'warning', code: 'ingest/lone-surrogate', stage: 'normalize', message: `${lone} unpaired surrogate code unit(s) in the text; read as U+FFFD in the normalised view` });
  const bp = findBoilerplate(ctx);
  const structure = parseStructure(ctx, bp);
  // a regulation's history (adoption, amendments) stands between its title and its first chapter or article
  const regulation = structure.some((s) => s.type === 'article' || pattern(rules, 'structure/chapter-label').test(s.label));
  const meta = extractMeta(ctx, bp, regulation && structure.length ? map.fromSource(structure[0]!.span)[0] : null);
  const sentencesNorm = splitSentencesNorm(rules, ctx.norm);
  const skip = bp.filter((b) => b.reason !== 'duplicate').map((b) => b.norm);
  const named = findNamedNumbers(ctx).filter((n) => !skip.some((s) => overlaps(s, n.norm)));
  // the title names the document; a number in it (五年工作综述) is not a count
  const title = meta.titleSpan ? [map.fromSource(meta.titleSpan)] : [];
  const dropped: Dropped[] = [];
  const quantities = findQuantities(ctx, [...skip, ...title, ...named.map((n) => n.norm)], dropped);
  const bodySentences = sentencesNorm.filter((s) => !skip.some((b) => b[0] <= s.span[0] && s.span[1] <= b[1]));
  // a passage repeated whole is read once: its copies are flagged, not segmented again
  const repeats = mergeSpans(bp.filter((b) => b.reason === 'duplicate').map((b) => b.norm));
  const fresh = bodySentences.filter((s) => { const i = indexOverlapping(repeats, s.span, (x) => x); return i < 0 || !(repeats[i]![0] <= s.span[0] && s.span[1] <= repeats[i]![1]); });
  const { own, whole, later } = sentencesToSegment(ctx, fresh, quantities);
  const protect = quantities.map((q) => q.norm);
  const tokens = segmentSpans(ctx, own, protect);
  const verbs = new SentenceVerbs(ctx, own, tokens, whole, later, protect);
  const { obligations, statistics } = buildFrames(ctx, {
    quantities, sentences: bodySentences, tokens, verbs, boilerplate: bp, structure, docType: meta.docType, title: meta.title, excluded: skip,
  });
  // compare reads a rule's words from the tokens of its whole sentence
  if (ruleSentences) {
    const ruleSentencesNorm = obligations.map((o) => {
      const start = map.fromSource(o.sentence)[0];
      return bodySentences[indexOverlapping(bodySentences, [start, start + 1], (x) => x.span)]?.span;
    });
    verbs.prepare(ruleSentencesNorm.filter((x): x is Span => x !== undefined));
  }
  // the tokens of every sentence segmented, those a frame asked for too
  const allTokens = verbs.withLater(tokens);
  if (!structure.length && (meta.docType === 'opinion' || meta.docType === 'decision')) {
    ctx.diagnostics.push({ severity: 'info', code: 'structure/no-sections', stage: 'structure', message: 'no numbered sections (一、) found' });
  }
  const doc: ZhiduDocument = {
    zhidu: { version: VERSION, schema: 1, packs: rules.packs, offsets: 'utf16' },
    source: ing.source,
    text: ing.text,
    meta,
    boilerplate: toBoilerplate(ctx, bp),
    structure,
    // a long text has hundreds of thousands of sentences; the output keeps them only on request
    ...(withSentences ? { sentences: toSentences(ctx, bodySentences) } : {}),
    obligations,
    statistics,
    namedNumbers: toNamedNumbers(ctx, named),
    diagnostics: ctx.diagnostics,
  };
  // our own output is a trust boundary too: a shape error here is a bug, caught before anyone reads it
  if (validate) checkInPlace(DocumentSchema, doc);
  return { doc, ctx, tokens: allTokens, skip, sentences: bodySentences, dropped };
}

/** A text given directly (pack examples, tests): a UTF-8 .txt without a file. */
export function analyseString(text: string, rules: Rules, name = 'example.txt'): Analysis {
  const bytes = Buffer.byteLength(text, 'utf8');
  return analyseIngested({ source: { path: name, name, format: 'txt', encoding: 'utf-8', bytes, sha256: '' }, text, diagnostics: [] }, rules, false);
}

/** The rule packs, loaded once and checked against their own examples before first use. */
export function loadCheckedRules(dir?: string): Rules {
  const rules = loadRules(dir);
  checkPackExamples(rules, (text) => analyseString(text, rules).doc);
  return rules;
}

export async function analyseBytes(bytes: Uint8Array, path: string, opts: ProcessOptions = {}): Promise<Analysis> {
  const rules = loadCheckedRules(opts.packs);
  return analyseIngested(await ingestBytes(bytes, path), rules, opts.validate ?? true, opts.withSentences ?? false, opts.ruleSentences ?? true);
}

export async function analyseFile(path: string, opts: ProcessOptions = {}): Promise<Analysis> {
  const rules = loadCheckedRules(opts.packs);
  return analyseIngested(await ingestFile(path), rules, opts.validate ?? true, opts.withSentences ?? false, opts.ruleSentences ?? true);
}

/** Extract one file into the validated document model. */
export async function extractFile(path: string, opts: ProcessOptions = {}): Promise<ZhiduDocument> {
  return (await analyseFile(path, opts)).doc;
}
