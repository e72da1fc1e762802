import type { Context } from '../core/context.js';
import { parseCnNumber } from '../core/cn-number.js';
import { splitLines, type Line } from '../core/lines.js';
import type { Span } from '../core/span.js';
import type { BoilerplateNorm } from '../boilerplate/index.js';
import type { Article, Section, Sentence } from '../schema/document.js';

// sections: 一、 headings, or 第X章 chapters of a regulation
const SECTION = /^(\s*)(?:([一二三四五六七八九十]+)、|第([一二三四五六七八九十]+)章[\s　]*)(.*)$/u;
const ARTICLE_KINDS: { kind: string; re: RegExp; num: (m: RegExpExecArray) => number | null }[] = [
  { kind: 'arabic', re: /^(\s*)(\d{1,3})[.、](?!\d)(.*)$/u, num: (m) => Number(m[2]) },
  { kind: 'tiao', re: /^(\s*)第([一二三四五六七八九十百零]+)条(.*)$/u, num: (m) => parseCnNumber(m[2]!) },
  { kind: 'paren', re: /^(\s*)[(（]([一二三四五六七八九十]+)[)）](.*)$/u, num: (m) => parseCnNumber(m[2]!) },
];

interface Heading { line: Line; number: number; label: string; lead: number }

/** The heading sentence: the line up to its first full stop, or the whole line. */
function headingOf(ctx: Context, h: Heading): { heading: string; headingSpan: Span } {
  const body = h.line.text.slice(h.lead);
  const stop = body.search(/[。！？!?]/);
  const end = h.line.start + h.lead + (stop >= 0 ? stop + 1 : body.trimEnd().length);
  const headingSpan = ctx.map.toSource([h.line.start + h.lead, end]);
  return { heading: ctx.text.slice(headingSpan[0], headingSpan[1]), headingSpan };
}

/**
 * Sections (一、) and the articles under them (1. / 1、 / 第X条 / （一）). A heading counts only when its
 * number continues the sequence (n+1, or 1 to restart), which keeps "7项改革措施" at a line start out.
 */
export function parseStructure(ctx: Context, boilerplate: BoilerplateNorm[]): Section[] {
  const skip = boilerplate.filter((b) => b.reason !== 'duplicate');
  const lines = splitLines(ctx.norm).filter((l) => l.text.trim() && !skip.some((b) => b.norm[0] < l.end && l.start < b.norm[1]));
  const sections: { h: Heading; lineIdx: number }[] = [];
  lines.forEach((line, i) => {
    const m = SECTION.exec(line.text);
    if (!m) return;
    const label = m[2] ?? m[3]!;
    const n = parseCnNumber(label);
    const prev = sections.length ? sections[sections.length - 1]!.h.number : 0;
    if (n === null || (n !== prev + 1 && n !== 1)) return;
    if (n === 1 && prev > 0) sections.length = 0; // a new numbering restarts: keep the last run
    sections.push({ h: { line, number: n, label, lead: m[1]!.length }, lineIdx: i });
  });
  const docEnd = ctx.norm.trimEnd().length;
  const out: Section[] = [];
  sections.forEach((s, k) => {
    const nextIdx = k + 1 < sections.length ? sections[k + 1]!.lineIdx : lines.length;
    const endNorm = k + 1 < sections.length ? sections[k + 1]!.h.line.start : docEnd;
    const body = lines.slice(s.lineIdx + 1, nextIdx);
    const kind = ARTICLE_KINDS.find((a) => body.some((l) => a.re.test(l.text)));
    const heads: Heading[] = [];
    if (kind) {
      for (const l of body) {
        const m = kind.re.exec(l.text);
        if (!m) continue;
        const n = kind.num(m);
        if (n === null) continue;
        const prev = heads.length ? heads[heads.length - 1]!.number : (out.length ? lastArticleNumber(out) : 0);
        if (heads.length ? n !== prev + 1 : n !== prev + 1 && n !== 1) continue;
        heads.push({ line: l, number: n, label: m[2]!, lead: m[1]!.length });
      }
    }
    const articles: Article[] = heads.map((h, j) => {
      const end = j + 1 < heads.length ? heads[j + 1]!.line.start : endNorm;
      const span = ctx.map.toSource([h.line.start + h.lead, trimEnd(ctx.norm, end)]);
      return { type: 'article', number: h.number, label: h.label, ...headingOf(ctx, h), span };
    });
    const span = ctx.map.toSource([s.h.line.start + s.h.lead, trimEnd(ctx.norm, endNorm)]);
    out.push({ type: 'section', number: s.h.number, label: s.h.label, ...headingOf(ctx, s.h), span, articles });
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

const trimEnd = (s: string, end: number) => {
  let e = end;
  while (e > 0 && /\s/.test(s[e - 1]!)) e--;
  return e;
};

/** Sentences split on 。！？；, each with its clauses split on ，：; spans in the normalised view. */
export function splitSentencesNorm(norm: string): { span: Span; clauses: Span[] }[] {
  const out: { span: Span; clauses: Span[] }[] = [];
  const re = /[^。！？!?；;\n]+[。！？!?；;]*/gu;
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    const start = m.index + lead;
    const clauses: Span[] = [];
    const cre = /[^,，:：]+[,，:：]*/gu;
    for (let c = cre.exec(body); c; c = cre.exec(body)) {
      const cl = c[0].length - c[0].trimStart().length;
      const ct = c[0].trim();
      if (ct) clauses.push([start + c.index + cl, start + c.index + cl + ct.length]);
    }
    out.push({ span: [start, start + body.length], clauses });
  }
  return out;
}

export function toSentences(ctx: Context, norm: { span: Span; clauses: Span[] }[]): Sentence[] {
  return norm.map((s) => ({ span: ctx.map.toSource(s.span), clauses: s.clauses.map((c) => ctx.map.toSource(c)) }));
}

/** The structure path of a source span: "四.15", "四", or null outside any section. */
export function articlePath(sections: Section[], span: Span): string | null {
  for (const s of sections) {
    if (span[0] < s.span[0] || span[0] >= s.span[1]) continue;
    const a = s.articles.find((x) => span[0] >= x.span[0] && span[0] < x.span[1]);
    return a ? `${s.label}.${a.label}` : s.label;
  }
  return null;
}
