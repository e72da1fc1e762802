import type { Context } from '../core/context.js';
import { pattern, type Rules } from '../packs/index.js';
import { parseCnNumber } from '../core/cn-number.js';
import { splitLines, type Line } from '../core/lines.js';
import type { Span } from '../core/span.js';
import type { BoilerplateNorm } from '../boilerplate/index.js';
import type { Article, Section, Sentence, StructureNode } from '../schema/document.js';
import { headingPatterns } from './headings.js';

interface Heading { line: Line; number: number; label: string; lead: number }
interface Found { h: Heading; lineIdx: number }

const parseN = (n: string) => (/^\d+$/.test(n) ? Number(n) : parseCnNumber(n));

/** The heading sentence: the line up to its first full stop, or the whole line. */
function headingOf(ctx: Context, h: Heading): { heading: string; headingSpan: Span } {
  const body = h.line.text.slice(h.lead);
  const stop = body.search(ctx.rules.structure.headingEnd);
  const end = h.line.start + h.lead + (stop >= 0 ? stop + 1 : body.trimEnd().length);
  const headingSpan = ctx.map.toSource([h.line.start + h.lead, end]);
  return { heading: ctx.text.slice(headingSpan[0], headingSpan[1]), headingSpan };
}

const trimEnd = (s: string, end: number) => {
  let e = end;
  while (e > 0 && /\s/.test(s[e - 1]!)) e--;
  return e;
};

/**
 * Headings of one kind that continue a numbering: n+1 (or up to `gap` ahead, for a repealed article), or
 * 1 to restart, which keeps "7项改革措施" at a line start out. A restart drops the run before it.
 */
function sequence(lines: Line[], re: RegExp, gap: number, labelOf: (m: RegExpExecArray) => string, first = 0, restart = true): Found[] {
  const out: Found[] = [];
  lines.forEach((line, i) => {
    const m = re.exec(line.text);
    if (!m) return;
    const n = parseN(m.groups!.n!);
    if (n === null) return;
    const prev = out.length ? out[out.length - 1]!.h.number : first;
    const next = n > prev && n <= prev + gap;
    if (!next && !(n === 1 && (restart || !out.length))) return;
    if (!next && out.length) out.length = 0;
    out.push({ h: { line, number: n, label: labelOf(m), lead: m.groups!.lead!.length }, lineIdx: i });
  });
  return out;
}

/** Paragraphs (款) and numbered items (项) of an article, from its body lines. */
function articleBody(ctx: Context, lines: Line[], itemRe: RegExp): { paragraphs: Span[]; items: Article['items'] } {
  const paragraphs: Span[] = [];
  const items: Article['items'] = [];
  for (const l of lines) {
    const m = itemRe.exec(l.text);
    if (m) {
      const n = parseN(m.groups!.n!);
      if (n !== null && n === (items.length ? items[items.length - 1]!.number + 1 : 1)) {
        const at = l.start + m.groups!.lead!.length;
        const label = ctx.map.toSource([at, at + m.groups!.label!.length]);
        items.push({ number: n, label: ctx.text.slice(label[0], label[1]), span: ctx.map.toSource([at, trimEnd(ctx.norm, l.end)]) });
        continue;
      }
    }
    paragraphs.push(ctx.map.toSource([l.start + (l.text.length - l.text.trimStart().length), trimEnd(ctx.norm, l.end)]));
  }
  return { paragraphs, items };
}

function toArticles(ctx: Context, heads: Found[], lines: Line[], endIdx: number, endNorm: number, parts: { label: string; at: number }[]): Article[] {
  const itemRe = headingPatterns(ctx.rules).item;
  return heads.map((a, j) => {
    const nextIdx = j + 1 < heads.length ? heads[j + 1]!.lineIdx : endIdx;
    const end = j + 1 < heads.length ? heads[j + 1]!.h.line.start : endNorm;
    const span = ctx.map.toSource([a.h.line.start + a.h.lead, trimEnd(ctx.norm, end)]);
    const part = [...parts].reverse().find((p) => p.at <= a.h.line.start);
    return {
      type: 'article' as const, number: a.h.number, label: a.h.label, ...headingOf(ctx, a.h), span,
      part: part ? part.label : null, ...articleBody(ctx, [a.h.line, ...lines.slice(a.lineIdx + 1, nextIdx)], itemRe),
    };
  });
}

/**
 * The document's structure. A regulation (第X章 chapters or 第X条 articles) gives chapters with their
 * parts (第X节) and articles, or articles alone when it has no chapters; other documents give sections
 * (一、) with the articles under them (1. / 1、 / 第X条 / （一）).
 */
export function parseStructure(ctx: Context, boilerplate: BoilerplateNorm[]): StructureNode[] {
  const skip = boilerplate.filter((b) => b.reason !== 'duplicate');
  const lines = splitLines(ctx.norm).filter((l) => l.text.trim() && !skip.some((b) => b.norm[0] < l.end && l.start < b.norm[1]));
  const pat = headingPatterns(ctx.rules);
  const gap = ctx.rules.structure['article-max-gap'];
  const docEnd = trimEnd(ctx.norm, ctx.norm.length);
  const tiao = sequence(lines, pat['article-tiao'], gap, (m) => m.groups!.label!);
  // a chapter heading lost in the source (第二章 → 第五章) still leaves the next ones in place
  const chapters = sequence(lines, pat.chapter, gap, (m) => `第${m.groups!.n}章`);
  if (chapters.length && tiao.length) {
    const parts = sequence(lines, pat.part, 1, (m) => `第${m.groups!.n}节`, 0, true);
    return chapters.map((c, k) => {
      const nextIdx = k + 1 < chapters.length ? chapters[k + 1]!.lineIdx : lines.length;
      const endNorm = k + 1 < chapters.length ? chapters[k + 1]!.h.line.start : docEnd;
      const inside = tiao.filter((a) => a.lineIdx > c.lineIdx && a.lineIdx < nextIdx);
      const myParts = parts.filter((p) => p.lineIdx > c.lineIdx && p.lineIdx < nextIdx);
      const partSpans = myParts.map((p, i) => {
        const pEnd = i + 1 < myParts.length ? myParts[i + 1]!.h.line.start : endNorm;
        return { label: p.h.label, ...headingOf(ctx, p.h), span: ctx.map.toSource([p.h.line.start + p.h.lead, trimEnd(ctx.norm, pEnd)]), at: p.h.line.start };
      });
      return {
        type: 'section' as const, number: c.h.number, label: c.h.label, ...headingOf(ctx, c.h),
        span: ctx.map.toSource([c.h.line.start + c.h.lead, trimEnd(ctx.norm, endNorm)]),
        parts: partSpans.map(({ label, heading, span }) => ({ label, heading, span })),
        articles: toArticles(ctx, inside, lines, nextIdx, endNorm, partSpans),
      };
    });
  }
  const sections = sectionsWithArticles(ctx, lines, docEnd);
  // 第X条 articles with no chapters and no 一、 sections above them stand at the top level
  if (tiao.length >= 2 && !sections.some((x) => x.span[0] < ctx.map.toSource([tiao[0]!.h.line.start, tiao[0]!.h.line.start])[0])) {
    return toArticles(ctx, tiao, lines, lines.length, docEnd, []);
  }
  return sections;
}

function sectionsWithArticles(ctx: Context, lines: Line[], docEnd: number): Section[] {
  const pat = headingPatterns(ctx.rules);
  const sections = sequence(lines, pat.section, 1, (m) => m.groups!.n!);
  const kinds = [pat['article-arabic'], pat['article-tiao'], pat['article-paren']];
  const out: Section[] = [];
  sections.forEach((s, k) => {
    const nextIdx = k + 1 < sections.length ? sections[k + 1]!.lineIdx : lines.length;
    const endNorm = k + 1 < sections.length ? sections[k + 1]!.h.line.start : docEnd;
    const body = lines.slice(s.lineIdx + 1, nextIdx);
    const re = kinds.find((a) => body.some((l) => a.test(l.text)));
    // numbering of articles runs on across sections (1.–5. under 一、, 6. under 二、) or restarts at 1
    const first = lastArticleNumber(out);
    const heads = re ? sequence(body, re, 1, (m) => m.groups!.label ?? m.groups!.n!, first, false).map((f) => ({ ...f, lineIdx: f.lineIdx + s.lineIdx + 1 })) : [];
    out.push({
      type: 'section', number: s.h.number, label: s.h.label, ...headingOf(ctx, s.h),
      span: ctx.map.toSource([s.h.line.start + s.h.lead, trimEnd(ctx.norm, endNorm)]),
      parts: [],
      articles: toArticles(ctx, heads, lines, nextIdx, endNorm, []),
    });
  });
  return out;
}

function lastArticleNumber(sections: Section[]): number {
  for (let i = sections.length - 1; i >= 0; i--) {
    const a = sections[i]!.articles;
    if (a.length) return a[a.length - 1]!.number;
  }
  return 0;
}

/** Sentences split on 。！？；, each with its clauses split on ，：; spans in the normalised view. */
export function splitSentencesNorm(rules: Rules, norm: string): { span: Span; clauses: Span[] }[] {
  const out: { span: Span; clauses: Span[] }[] = [];
  const re = new RegExp(pattern(rules, 'structure/sentence'));
  const cre = new RegExp(pattern(rules, 'structure/clause'));
  const maxSentence = rules.structure['max-sentence'];
  const maxClause = rules.structure['max-clause'];
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const lead = m[0].length - m[0].trimStart().length;
    const whole = m[0].trim();
    if (!whole) continue;
    // a run of text without punctuation is cut into pieces of bounded length: the stages that work per
    // sentence and per clause stay linear, and no item repeats a megabyte-long clause
    for (let off = 0; off < whole.length; off += maxSentence) {
      const body = whole.slice(off, off + maxSentence);
      const start = m.index + lead + off;
      const clauses: Span[] = [];
      cre.lastIndex = 0;
      for (let c = cre.exec(body); c; c = cre.exec(body)) {
        const cl = c[0].length - c[0].trimStart().length;
        const ct = c[0].trim();
        for (let k = 0; k < ct.length; k += maxClause) clauses.push([start + c.index + cl + k, start + c.index + cl + Math.min(ct.length, k + maxClause)]);
      }
      out.push({ span: [start, start + body.length], clauses });
    }
  }
  return out;
}

export function toSentences(ctx: Context, norm: { span: Span; clauses: Span[] }[]): Sentence[] {
  return norm.map((s) => ({ span: ctx.map.toSource(s.span), clauses: s.clauses.map((c) => ctx.map.toSource(c)) }));
}

/** Every article with its path (四.15, 第二章.第十四条, 第十四条), in document order. */
export function articlesOf(structure: StructureNode[]): { path: string; article: Article }[] {
  return structure.flatMap((s) => (s.type === 'article' ? [{ path: s.label, article: s }] : s.articles.map((a) => ({ path: `${s.label}.${a.label}`, article: a }))));
}

/** The structure path of a source span: "四.15", "四", "第二章.第十四条", "第十四条", or null outside any. */
export function articlePath(structure: StructureNode[], span: Span): string | null {
  const inside = (x: { span: Span }) => span[0] >= x.span[0] && span[0] < x.span[1];
  for (const s of structure) {
    if (!inside(s)) continue;
    if (s.type === 'article') return s.label;
    const a = s.articles.find(inside);
    return a ? `${s.label}.${a.label}` : s.label;
  }
  return null;
}
