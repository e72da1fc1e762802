import type { Matter, Rules } from './index.js';

const has = (text: string, cue: string) => cue.split('|').some((c) => text.includes(c));

/**
 * The first matter of the lexicon whose measure and cue words a rule meets, read in `window` (the words compare
 * matches a rule on). Lives with the packs so that the lexicon's examples are checked by the same test.
 */
export function matchMatter(rules: Rules, measure: string, window: string): Matter | null {
  for (const m of rules.matters.matters) if (meetsMatter(m, measure, window)) return m;
  return null;
}

/** Whether a rule of this measure, read in `window`, meets a matter's measures and cue words. */
export function meetsMatter(m: Matter, measure: string, window: string): boolean {
  if (!m.measure.includes(measure as Matter['measure'][number])) return false;
  if (m.all && !m.all.every((c) => has(window, c))) return false;
  if (m.any && !m.any.some((c) => has(window, c))) return false;
  return !(m.not && m.not.some((c) => has(window, c)));
}

/**
 * The other matters a rule of `first` belongs to as well (…组成人员、…人民检察院检察长、由本级人民代表大会选出的
 * 上一级人民代表大会代表的罢免案: one threshold for officials and for deputies), those of its `also` it meets.
 */
export function alsoMatters(rules: Rules, first: Matter, measure: string, window: string): Matter[] {
  return (first.also ?? []).map((id) => rules.matters.matters.find((m) => m.id === id)!).filter((m) => meetsMatter(m, measure, window));
}
