import type { Context } from '../core/context.js';
import { parseAnyNumber } from '../core/cn-number.js';
import { literalRe } from '../packs/index.js';
import type { Obligation } from '../schema/document.js';
import { memo } from '../core/memo.js';
import { matchesOf } from '../core/matches.js';

// Cue words of the obligation pack found in a piece of text: each word list is compiled to one regex, once.

const listRe = new WeakMap<readonly string[], RegExp>();
/** One global regex for a word list, compiled once per list (wordsOf keeps each list one array). */
export const reFor = (words: readonly string[]): RegExp => memo(listRe, words, () => literalRe(words));

const longerChars = new WeakMap<readonly string[], Set<string>>();

/**
 * Whether the cue `word` found at `at` in `text` is part of one of `longer` (共 of 公共, 自 of 自治区): a cue
 * word is a word, not any place its characters stand.
 */
export function withinWord(text: string, at: number, word: string, longer: readonly string[]): boolean {
  // most cue words share no character with the longer words: answered by one lookup
  if (!memo(longerChars, longer, () => new Set(longer.join(''))).has(word[0]!)) return false;
  for (const w of longer) {
    for (let k = w.indexOf(word); k >= 0; k = w.indexOf(word, k + 1)) if (at - k >= 0 && text.startsWith(w, at - k)) return true;
  }
  return false;
}

/**
 * The occurrence of any of the words that starts last (at one position the longest word wins); the scan
 * restarts one character after each hit, so 常委会驻会副主任 is found inside 市人大常委会驻会副主任.
 */
export function lastOf(text: string, words: readonly string[]): { word: string; at: number } | null {
  if (!words.length) return null;
  const re = reFor(words);
  let best: { word: string; at: number } | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    best = { word: m[0], at: m.index };
    re.lastIndex = m.index + 1;
  }
  return best;
}

/** The first occurrence of any of the words. */
export function firstOf(text: string, words: readonly string[]): { word: string; at: number } | null {
  if (!words.length) return null;
  const re = reFor(words);
  re.lastIndex = 0;
  const m = re.exec(text);
  // the regex is shared (reFor): leave it as found, so a matchAll on it starts at 0
  re.lastIndex = 0;
  return m ? { word: m[0], at: m.index } : null;
}

const modalCache = new WeakMap<object, { modal: RegExp; friends: RegExp; byWord: Map<string, string> }>();

type ModalHit = { word: string; modality: Obligation['modality']; at: number };

/** Modal cues of a text that are not part of a false friend (重要, 需要 …), in order. */
function modalsIn(ctx: Context, text: string): ModalHit[] {
  const o = ctx.rules.obligation;
  const c = memo(modalCache, o, () => ({
    modal: literalRe(o.modals.map((m) => m.word)), friends: literalRe(o['modal-false-friends']), byWord: new Map(o.modals.map((m) => [m.word, m.modality])),
  }));
  const hits = matchesOf(c.modal, text);
  // most stretches hold no modal word: the false friends are searched only where there is one to block
  if (!hits.length) return [];
  const blocked: [number, number][] = [];
  for (const m of matchesOf(c.friends, text)) blocked.push([m.index!, m.index! + m[0].length]);
  const out: ModalHit[] = [];
  for (const m of hits) {
    const at = m.index!;
    if (blocked.some((b) => b[0] <= at && at < b[1])) continue;
    out.push({ word: m[0], modality: c.byWord.get(m[0]) as Obligation['modality'], at });
  }
  return out;
}

/** The last modal cue in a text. */
export function modalBefore(ctx: Context, text: string): ModalHit | null {
  const all = modalsIn(ctx, text);
  return all.length ? all[all.length - 1]! : null;
}

/** The first modal cue in a text (五人以上联名，可以提出: the permission follows the number). */
export function modalAfter(ctx: Context, text: string): ModalHit | null {
  return modalsIn(ctx, text)[0] ?? null;
}

const everyCache = new WeakMap<object, RegExp>();
/** The pack's 每+number+unit pattern (每两个月), compiled once per pack. */
export const everyRe = (ctx: Context): RegExp => memo(everyCache, ctx.rules.obligation, () => new RegExp(ctx.rules.obligation['frequency-every'], 'gu'));

const wordLists = new WeakMap<object, Map<string, string[]>>();
/** The words of a pack list, computed once per list so their regex is compiled once. */
export function wordsOf<T extends { word: string }>(list: readonly T[], keep?: (x: T) => boolean): string[] {
  const m = memo(wordLists, list, () => new Map<string, string[]>());
  const key = keep ? 'filtered' : 'all';
  let w = m.get(key);
  if (!w) { w = (keep ? list.filter(keep) : list).map((x) => x.word); m.set(key, w); }
  return w;
}

/** The last frequency word before a position, with its period: 每年 → year, 每两个月 → 2-month. */
export function frequencyBefore(ctx: Context, text: string, words: string[]): { word: string; at: number; period: string } | null {
  const o = ctx.rules.obligation;
  let plain = lastOf(text, words);
  // 任期第一年内: an ordinal names one year, it sets no period
  while (plain && plain.at > 0 && o['frequency-not-after'].includes(text[plain.at - 1]!)) plain = lastOf(text.slice(0, plain.at - 1), words);
  const re = everyRe(ctx);
  let every: { word: string; at: number; period: string } | null = null;
  for (const m of matchesOf(re, text)) {
    const g = m.groups!;
    const raw = g.n ?? g.n2!;
    const unit = o['frequency-units'][g.unit ?? g.unit2!];
    // (半年一次: half a year is a period of its own)
    const n = raw === '半' ? 0.5 : parseAnyNumber(raw);
    if (n !== null && unit) every = { word: m[0], at: m.index!, period: n === 0.5 ? `half-${unit}` : n === 1 ? unit : `${n}-${unit}` };
  }
  const p = plain ? { ...plain, period: o.frequency.find((f) => f.word === plain.word)!.period } : null;
  if (every && (!p || every.at >= p.at)) return every;
  return p;
}
