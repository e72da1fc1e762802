import type { Matter, Rules } from './index.js';

const has = (text: string, cue: string) => cue.split('|').some((c) => text.includes(c));

/**
 * The first matter of the lexicon whose measure and cue words a rule meets, read in `window` (the words compare
 * matches a rule on). Lives with the packs so that the lexicon's examples are checked by the same test.
 */
export function matchMatter(rules: Rules, measure: string, window: string): Matter | null {
  for (const m of rules.matters.matters) {
    if (!m.measure.includes(measure as Matter['measure'][number])) continue;
    if (m.all && !m.all.every((c) => has(window, c))) continue;
    if (m.any && !m.any.some((c) => has(window, c))) continue;
    if (m.not && m.not.some((c) => has(window, c))) continue;
    return m;
  }
  return null;
}
