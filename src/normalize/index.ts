import { OffsetMap } from '../core/offset-map.js';
import { pattern, type Rules } from '../packs/index.js';
import { memo } from '../core/memo.js';

const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const TERMINAL = new Set([...'。！？；：!?;:…”"》）)】」』']);

/** One code unit of the source → its normalised code unit, or -1 to delete it. Never more than one. */
function mapCode(c: number, t2s: Uint16Array): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  // a stray NUL reads as a space; an unpaired surrogate becomes U+FFFD when the view is decoded (one unit for one)
  if (c === 0) return 0x20;
  if (c === 0x3000 || c === 0x00a0 || (c >= 0x2002 && c <= 0x200a) || c === 0x202f || c === 0x205f) return 0x20;
  if (c === 0x200b || c === 0xfeff || c === 0x200c || c === 0x200d) return -1;
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63) return 0x2d;
  return t2s[c] || c;
}

// the normalised code units are turned into a string in one native call
const utf16 = new TextDecoder('utf-16le');
/**
 * Traditional → simplified as a table indexed by code unit (0: unchanged), and a bit per code unit that
 * the loop below must look at (mapped, deleted, or a space or line end it reads in context). The bits fit
 * in 8 KB, so most characters, which are left as they are, cost one read of a cache-resident word.
 */
interface CodeTables { t2s: Uint16Array; special: Uint32Array }
const codeTables = new WeakMap<Map<string, string>, CodeTables>();

function tablesOf(rules: Rules): CodeTables {
  return memo(codeTables, rules.t2s, () => {
    const t2s = new Uint16Array(65536);
    for (const [k, v] of rules.t2s) t2s[k.charCodeAt(0)] = v.charCodeAt(0);
    const special = new Uint32Array(65536 / 32);
    for (let c = 0; c < 65536; c++) {
      if (c === 13 || c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || mapCode(c, t2s) !== c) special[c >>> 5]! |= 1 << (c & 31);
    }
    return { t2s, special };
  });
}

/**
 * Which line breaks sit inside a sentence: the line before is body text (long, or inside an open bracket)
 * and ends mid-sentence, and the next line is not a heading or list item. Blank lines in between are joined too.
 */
function joinableBreaks(text: string, marker: RegExp): Set<number> {
  const drop = new Set<number>();
  const lines: { start: number; end: number }[] = [];
  for (let s = 0; ; ) {
    const nl = text.indexOf('\n', s);
    lines.push({ start: s, end: nl < 0 ? text.length : nl });
    if (nl < 0) break;
    s = nl + 1;
  }
  for (let k = 0; k < lines.length - 1; k++) {
    // trimEnd drops what /[\s\r]+$/ would (white space and line terminators), without a regex scan of the line
    const cur = text.slice(lines[k]!.start, lines[k]!.end).trimEnd();
    // a markdown heading (# title, ## 第二章) is a line of its own
    if (!cur || cur.trimStart().startsWith('#')) continue;
    const last = cur.charCodeAt(cur.length - 1);
    if (TERMINAL.has(cur[cur.length - 1]!) || !(isCjk(last) || (last >= 0x30 && last <= 0x39))) continue;
    const open = (cur.match(/[（(]/g) ?? []).length > (cur.match(/[）)]/g) ?? []).length;
    // headings, breadcrumbs and title lines have no clause punctuation; body text broken mid-sentence does
    if (!open && (cur.trim().length < 24 || !/[，,、]/.test(cur))) continue;
    let n = k + 1;
    while (n < lines.length && !text.slice(lines[n]!.start, lines[n]!.end).trim()) n++;
    if (n >= lines.length || n - k > 3) continue;
    const next = text.slice(lines[n]!.start, lines[n]!.end);
    const first = next.trimStart().charCodeAt(0);
    if (marker.test(next) || !(isCjk(first) || (first >= 0x30 && first <= 0x39))) continue;
    for (let i = lines[k]!.end; i < lines[n]!.start; i++) drop.add(i);
  }
  return drop;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** Whether the run of spaces at `i` stands between an ASCII digit and a CJK ideograph, in either order. */
function spaceBetweenDigitAndHan(text: string, i: number): boolean {
  let a = i;
  while (a > 0 && (text.charCodeAt(a - 1) === 32 || text.charCodeAt(a - 1) === 0x3000 || text.charCodeAt(a - 1) === 0xa0)) a--;
  let b = i;
  while (b < text.length && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 0x3000 || text.charCodeAt(b) === 0xa0)) b++;
  if (a === 0 || b >= text.length || b - a > 2) return false;
  const l = text.charCodeAt(a - 1);
  const r = text.charCodeAt(b);
  return (isDigit(l) && isCjk(r)) || (isCjk(l) && isDigit(r));
}

/** The normalised view of `text` and its map back: width, spaces, dashes, traditional forms, broken lines. */
export function normalizeText(text: string, rules: Rules): OffsetMap {
  const { t2s, special } = tablesOf(rules);
  const drop = joinableBreaks(text, pattern(rules, 'structure/line-start-marker'));
  const out = new Uint16Array(text.length);
  const toSrc = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (drop.size && drop.has(i)) continue;
    const c = text.charCodeAt(i);
    let m: number;
    if ((special[c >>> 5]! & (1 << (c & 31))) === 0) m = c;
    else if (c === 13) m = text.charCodeAt(i + 1) === 10 ? -1 : 10;
    else if (drop.size && (c === 32 || c === 9) && (drop.has(i - 1) || drop.has(i + 1))) m = -1;
    // a PDF producer (LibreOffice) sets a space between digits and Chinese (2022 年 5 月): the view reads none
    else if ((c === 32 || c === 0x3000 || c === 0xa0) && spaceBetweenDigitAndHan(text, i)) m = -1;
    else m = mapCode(c, t2s);
    if (m < 0) continue;
    out[n] = m;
    toSrc[n] = i;
    n++;
  }
  toSrc[n] = text.length;
  const norm = utf16.decode(out.subarray(0, n));
  return new OffsetMap(norm, toSrc.slice(0, n + 1), text.length);
}
