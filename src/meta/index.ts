import type { Context } from '../core/context.js';
import { parseCnNumber } from '../core/cn-number.js';
import { splitLines } from '../core/lines.js';
import { overlaps, type Span } from '../core/span.js';
import type { BoilerplateNorm } from '../boilerplate/index.js';
import type { DocType, Meta } from '../schema/document.js';
import { escapeRegex, pattern } from '../packs/index.js';
import { memo } from '../core/memo.js';
import { firstMatch } from '../core/scanner.js';

const pad = (n: number) => String(n).padStart(2, '0');
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : parseCnNumber(s));
/**
 * The ISO date of a match whose groups 1–3 are year, month and day. A year outside the People's Republic's
 * congresses (0808年, a typo) or an impossible month or day is no date, and a warning on the document says
 * where it is: one bad date never becomes a NaN year downstream or fails a comparison.
 */
function isoDate(ctx: Context, m: RegExpExecArray | RegExpMatchArray): string | null {
  const Y = num(m[1]!), M = num(m[2]!), D = num(m[3]!);
  if (Y === null || M === null || D === null || Y < 1949 || Y > 2100 || M < 1 || M > 12 || D < 1 || D > 31) {
    const span = ctx.map.toSource([m.index!, m.index! + m[0].length]);
    if (!ctx.diagnostics.some((x) => x.code === 'meta/implausible-date' && x.span?.[0] === span[0])) {
      ctx.diagnostics.push({ severity: 'warning', code: 'meta/implausible-date', stage: 'meta', message: `${m[1]}年${m[2]}月${m[3]}日 is not a plausible date; the document is left undated there`, span });
    }
    return null;
  }
  return `${Y}-${pad(M)}-${pad(D)}`;
}

/** The pack's metadata patterns, compiled once per pack rather than once per document. */
function buildPatterns(r: Context['rules']['meta']) {
  return {
    types: [...r['doc-types']].sort((a, b) => b.word.length - a.word.length),
    levels: [...r['place-levels']].sort((a, b) => b.suffix.length - a.suffix.length),
    status: new RegExp(`(?:${r.title.status})\\s*$`, 'u'),
    markup: new RegExp(r.title.markup, 'u'),
    date: new RegExp(r.date, 'gu'),
    amendedWords: new RegExp(r['amended-words'], 'u'),
    adoptedWords: new RegExp(r['adopted-words'], 'u'),
    approvalOnly: new RegExp(r['approval-only-words'], 'u'),
    placeInText: new RegExp(`(?:^|[^\\u4e00-\\u9fa5])(${r.place})(?:第[一二三四五六七八九十]+届)?(?:人民代表大会常务委员会|人大常委会|人民代表大会|${r.government})`, 'mu'),
    titleStart: new RegExp(`^(${r.place})`, 'u'),
    national: new RegExp(r.national, 'u'),
    redacted: new RegExp(r['redacted-place'], 'u'),
    adopted: new RegExp(r.adopted, 'u'),
    effective: new RegExp(r.effective, 'u'),
    published: new RegExp(r.published, 'u'),
    session: new RegExp(r.session, 'u'),
    // （草案）, （草案修改稿）, （修订草案征求意见稿）: a bracketed status that names a draft
    draftMark: new RegExp(`[（(][^（）()\n]{0,8}?(?:${r.draft})[^（）()\n]{0,8}[)）]`, 'u'),
    draft: new RegExp(r.draft, 'u'),
  };
}
const compiledCache = new WeakMap<object, ReturnType<typeof buildPatterns>>();
const compiled = (ctx: Context) => memo(compiledCache, ctx.rules.meta, () => buildPatterns(ctx.rules.meta));

interface TitleHit { title: string; span: Span; docType: DocType; lineIndex: number }

/** The title: the first short line that ends with a document-type word, joined with the line it continues. */
function findTitle(ctx: Context, skip: (s: Span) => boolean): TitleHit | null {
  const r = ctx.rules.meta;
  const { types, status, markup } = compiled(ctx);
  const lines = splitLines(ctx.norm).filter((l) => l.text.trim() && !skip([l.start, l.end]));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim().replace(markup, '').replace(status, '').trim();
    if (t.length > r.title['max-length'] || pattern(ctx.rules, 'meta/title-stop').test(t)) continue;
    const hit = types.find((d) => t.endsWith(d.word));
    if (!hit) continue;
    let startLine = l;
    const prev = lines[i - 1];
    if (prev) {
      const p = prev.text.trim();
      const continues = (t.startsWith('关于') && r.title['issuer-endings'].some((e) => p.endsWith(e))) || t.startsWith('--') || t.startsWith('——');
      if (continues && p.length <= r.title['max-length'] && !pattern(ctx.rules, 'meta/title-stop').test(p)) startLine = prev;
    }
    const lead = startLine.text.length - startLine.text.trimStart().length + (markup.exec(startLine.text.trimStart())?.[0].length ?? 0);
    const endTrim = l.text.length - l.text.trimEnd().length;
    const span: Span = [startLine.start + lead, l.end - endTrim];
    const srcSpan = ctx.map.toSource(span);
    // the title as printed, line breaks between its parts removed
    // radicals a PDF wrote for ideographs (⻓春市⼈⺠…) are read as the ideographs in the title too
    const title = [...ctx.text.slice(srcSpan[0], srcSpan[1]).replace(/\s*\r?\n\s*/g, '').trim()
      .replace(status, '').trim()].map((c) => ctx.rules.radicals.get(c) ?? c).join('');
    return { title, span: srcSpan, docType: hit.type, lineIndex: i };
  }
  return null;
}

/**
 * A headline when no line names a document type (a news page: 宁乡市人大常委会召开代表工作座谈会): the first
 * short line without sentence punctuation among the first lines of the body, on a web page or before a news lead.
 */
function findHeadline(ctx: Context, skip: (s: Span) => boolean, furnished: boolean): TitleHit | null {
  const lines = splitLines(ctx.norm).filter((l) => l.text.trim() && !skip([l.start, l.end])).slice(0, 4);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (t.length < 6 || t.length > 60 || pattern(ctx.rules, 'meta/headline-stop').test(t) || /^\d/.test(t)) continue;
    // (a plain text is a news item when the line after its headline opens as news does: 11月28日，, 本报讯)
    if (!furnished && !pattern(ctx.rules, 'meta/news-lead').test(lines[i + 1]?.text.trim() ?? '')) return null;
    const lead = l.text.length - l.text.trimStart().length;
    const span = ctx.map.toSource([l.start + lead, l.start + lead + t.length]);
    return { title: ctx.text.slice(span[0], span[1]), span, docType: 'news', lineIndex: i };
  }
  return null;
}

function levelOf(ctx: Context, place: string): Meta['place']['level'] {
  if (ctx.rules.meta.municipalities.includes(place)) return 'province';
  const hit = compiled(ctx).levels.find((p) => place.endsWith(p.suffix));
  return hit ? hit.level : null;
}

/** The lowest administrative unit in "北京市东城区" → 东城区 (provinces and municipalities split off). */
function lowestUnit(ctx: Context, place: string): string {
  let p = place;
  for (const prov of ctx.rules.meta.provinces) {
    if (p.startsWith(prov) && p.length > prov.length) p = p.slice(prov.length);
  }
  // (广州市天河区石牌街道: one unit at a time)
  for (let m = pattern(ctx.rules, 'meta/lowest-unit').exec(p); m; m = pattern(ctx.rules, 'meta/lowest-unit').exec(p)) p = m[2]!;
  return p;
}

/**
 * The dates under a regulation's title (up to `headerEnd`, where its first chapter or article starts):
 * each date opens a line of the history; the first that says 通过/批准 is the adoption, a line that says
 * 修正/修订, or 通过 again later, is an amendment.
 */
function historyDates(ctx: Context, headerEnd: number): { adopted: string | null; amended: string[] } {
  const header = ctx.norm.slice(0, headerEnd);
  const { date, amendedWords: amendedRe, adoptedWords: adoptedRe, approvalOnly } = compiled(ctx);
  const dates = [...header.matchAll(date)];
  let adopted: string | null = null;
  const amended: string[] = [];
  dates.forEach((d, i) => {
    const end = i + 1 < dates.length ? dates[i + 1]!.index! : header.length;
    const line = header.slice(d.index! + d[0].length, Math.min(end, d.index! + 300));
    const iso = isoDate(ctx, d);
    if (!iso) return;
    // the province's approval of a city's text (…通过　…批准) amends nothing
    if (adopted && !amendedRe.test(line) && approvalOnly.test(line) && !adoptedRe.test(line.replace(approvalOnly, ''))) return;
    // a later line that says 通过 again is a revision adopted anew (北京 任免: 2000, 2007, 2023 通过)
    if (amendedRe.test(line) || (adopted && adoptedRe.test(line) && iso > adopted)) amended.push(iso);
    else if (adoptedRe.test(line) && !adopted) adopted = iso;
  });
  return { adopted, amended: [...new Set(amended)].sort() };
}

/**
 * Who issued a document of a place (`full`, as its header or title names it), the first that holds: a party
 * committee (中共平江县委关于…) or the standing committee's party group (中共…人大常委会党组关于…) as the title says;
 * a prefecture's or a street's working committee (喀什地区人大工委); the government (政府工作报告); the congress,
 * for a text it adopted itself or a township's (whose presidium acts between sessions); else the standing committee.
 */
function issuerOf(ctx: Context, full: string, level: Meta['place']['level'], title: string | null, government: boolean, header: string): string {
  const r = ctx.rules.meta;
  if (title !== null && !government) {
    const partyCommittee = pattern(ctx.rules, 'meta/party-committee-title').exec(title);
    if (partyCommittee) return partyCommittee[0];
    if (pattern(ctx.rules, 'meta/party-group-title').test(title)) return r['party-group'].prefix + full + r.issuers.committee + r['party-group'].suffix;
  }
  const after = (name: string) => new RegExp(escapeRegex(full) + pattern(ctx.rules, name).source, 'u').test(header);
  if (!government && after('meta/working-committee')) return full + r.issuers['working-committee'];
  if (government) return full + r.government;
  return full + (after('meta/adopted-by-congress') || level === 'township' ? r.issuers.congress : r.issuers.committee);
}

export function extractMeta(ctx: Context, boilerplate: BoilerplateNorm[], headerEnd: number | null = null): Meta {
  const r = ctx.rules.meta;
  const c = compiled(ctx);
  const furniture = boilerplate.filter((b) => b.reason !== 'duplicate');
  const skip = (s: Span) => furniture.some((b) => overlaps(b.norm, s));
  const furnished = boilerplate.some((b) => b.reason === 'breadcrumb' || b.reason === 'page-furniture');
  // a web page without a document title is a news item under its headline
  const t = findTitle(ctx, skip) ?? findHeadline(ctx, skip, furnished);
  const norm = ctx.norm;

  const placeRe = pattern(ctx.rules, 'meta/place-in-title');
  let placeRaw: string | null = null;
  let issuer: string | null = null;
  const adoptLine = firstMatch(pattern(ctx.rules, 'meta/adoption-by-committee'), norm)
    // a report to the congress (——在青海省第十四届人民代表大会第二次会议上) names its place the same way
    ?? pattern(ctx.rules, 'meta/report-to-congress').exec(norm.slice(0, 600));
  if (adoptLine) placeRaw = adoptLine[1]!;
  // the place is matched in the simplified reading of the title (長春市 is 长春市)
  const simpleTitle = t ? [...t.title].map((ch) => ctx.rules.t2s.get(ch) ?? ch).join('') : null;
  if (!placeRaw && simpleTitle !== null) {
    const m = placeRe.exec(simpleTitle);
    if (m) placeRaw = m[1]!;
  }
  if (!placeRaw) {
    // in running text only a full congress name after a boundary names the place (not 采取市县人大联动)
    const m = c.placeInText.exec(norm.slice(0, 3000));
    if (m && !pattern(ctx.rules, 'meta/not-a-place').test(m[1]!)) placeRaw = m[1]!;
  }
  // 河南省乡镇人民代表大会主席团工作条例, 厦门市国民经济和社会发展计划审查监督条例: a regulation's title that opens
  // with a place names it, though no congress follows
  if (!placeRaw && simpleTitle !== null) {
    const m = c.titleStart.exec(simpleTitle);
    if (m && !pattern(ctx.rules, 'meta/not-a-place').test(m[1]!)) placeRaw = m[1]!;
  }
  // "长春市人民代表大会" inside a title may carry leading words (…综述——长春市人大常委会): keep the unit only
  if (placeRaw) placeRaw = placeRaw.replace(pattern(ctx.rules, 'meta/place-lead'), '');
  if (placeRaw && (placeRaw.length < 2 || pattern(ctx.rules, 'meta/place-bad-start').test(placeRaw))) placeRaw = null;
  // 某市人大常委会: a place written as a placeholder is a redacted place, not a place called 某市
  const placeholder = placeRaw ? c.redacted.exec(placeRaw) : null;
  if (placeholder && placeholder.index === 0 && placeholder[0].length === placeRaw!.length) placeRaw = null;
  const national = !placeRaw && t !== null && c.national.test(t.title);
  // 某自治州, XX县: a redacted place still says its level
  const redactedAs = placeRaw ? null : c.redacted.exec(norm.slice(0, 5000));
  const redacted = redactedAs !== null;
  const name = placeRaw ? lowestUnit(ctx, placeRaw) : national ? r['national-place'] : null;
  const government = t !== null && r['government-titles'].some((w) => t.title.includes(w));
  if (placeRaw) issuer = issuerOf(ctx, adoptLine ? adoptLine[1]! : placeRaw, levelOf(ctx, name!), t ? t.title : null, government, norm.slice(0, headerEnd ?? 400));

  if (national && headerEnd !== null) {
    // 1992年4月3日 第七届全国人民代表大会第五次会议通过: the first adoption line, under the title, names the body
    const m = pattern(ctx.rules, 'meta/national-adoption').exec(norm.slice(0, headerEnd));
    if (m) issuer = r['national-place'] + m[1]!;
  }

  let docType: DocType = t ? t.docType : 'other';
  if (!t && pattern(ctx.rules, 'meta/speech-words').test(norm.slice(0, 500))) docType = 'speech';

  const history = headerEnd !== null ? historyDates(ctx, headerEnd) : { adopted: null, amended: [] };
  // a regulation's history stands under its title; elsewhere (an opinion's （…通过）) search the whole text
  const adopted = headerEnd !== null ? null : c.adopted.exec(norm);
  const effective = c.effective.exec(norm);
  const published = c.published.exec(norm);
  const session = c.session.exec(norm);
  const head = t ? norm.slice(0, Math.min(norm.length, ctx.map.posFromSource(t.span[1]) + 200)) : norm.slice(0, 400);
  // (关于《…规定（草案）》的说明 explains a draft: a status inside the name of another text is that text's)
  const own = (x: string) => x.replace(pattern(ctx.rules, 'meta/named-text'), '');
  // a draft says so in its title (…条例草案) or in a status mark near it (（草案）, (征求意见稿)); the body of an
  // explanation of a draft names the draft (草案共二十条) without being one
  const draft = (t !== null && c.draft.test(own(t.title))) || c.draftMark.test(own(head));

  return {
    title: t ? t.title : null,
    titleSpan: t ? t.span : null,
    issuer,
    place: { name, level: national ? 'national' : name ? levelOf(ctx, name) : redactedAs ? levelOf(ctx, redactedAs[0]) : null, redacted },
    docType,
    draft,
    adoptedOn: history.adopted ?? (adopted ? isoDate(ctx, adopted) : null),
    amendedOn: history.amended,
    effectiveOn: effective ? isoDate(ctx, effective) : null,
    publishedOn: published ? isoDate(ctx, published) : null,
    session: session ? session[0] : null,
  };
}

