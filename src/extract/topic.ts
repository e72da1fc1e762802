import { escapeRegex, type Rules } from '../packs/index.js';
import { memo } from '../core/memo.js';
import { Scanner } from '../core/scanner.js';

interface Kw { word: string; topic: string; weight: number; order: number }
const cache = new WeakMap<Rules, { kws: Kw[]; scanner: Scanner; byWord: Map<string, Kw[]> }>();

function keywords(rules: Rules) {
  return memo(cache, rules, () => buildKeywords(rules));
}

function buildKeywords(rules: Rules) {
  const kws: Kw[] = [];
  rules.topics.forEach((t, order) => {
    for (const [word, weight] of Object.entries(t.keywords)) kws.push({ word, topic: t.id, weight, order });
  });
  kws.sort((a, b) => b.word.length - a.word.length);
  // (hundreds of keywords: tried only where one can begin)
  const scanner = new Scanner(new RegExp(kws.map((k) => escapeRegex(k.word)).join('|'), 'gu'));
  const byWord = new Map<string, Kw[]>();
  for (const k of kws) byWord.set(k.word, [...(byWord.get(k.word) ?? []), k]);
  return { kws, scanner, byWord };
}

/**
 * Topic scores of a piece of text: keyword weights summed per topic, longest keyword first so 联系人大代表
 * is not also counted as 人大代表. `focus` (an offset in `text`) makes keywords near it weigh up to twice as much.
 */
export function scoreTopics(rules: Rules, text: string, focus?: number): Map<string, number> {
  const { scanner, byWord } = keywords(rules);
  const scores = new Map<string, number>();
  for (let m = scanner.execFrom(text, 0); m; m = scanner.execFrom(text, m.index + m[0].length)) {
    const near = focus === undefined ? 1 : 1 + 1 / (1 + Math.abs(m.index! - focus) / 8);
    for (const k of byWord.get(m[0]) ?? []) scores.set(k.topic, (scores.get(k.topic) ?? 0) + k.weight * near);
  }
  return scores;
}

/** The best topic of the first text where one reaches the pack's minimum score (clause, then sentence), or 'other'. */
export function assignTopic(rules: Rules, texts: { text: string; focus?: number }[]): string {
  for (const t of texts) {
    const scores = scoreTopics(rules, t.text, t.focus);
    let best: string | null = null;
    let bestScore = rules.topicMinScore - 1e-9;
    for (const topic of rules.topics) {
      const s = scores.get(topic.id) ?? 0;
      if (s > bestScore) { best = topic.id; bestScore = s; }
    }
    if (best) return best;
  }
  return 'other';
}
