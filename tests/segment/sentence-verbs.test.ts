import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/packs/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { splitSentencesNorm } from '../../src/structure/index.js';
import { isVerb, segmentSpans } from '../../src/segment/index.js';
import { SentenceVerbs } from '../../src/segment/sentence-verbs.js';
import type { Context } from '../../src/core/context.js';
import type { Span } from '../../src/core/span.js';

const rules = loadRules();
// 山东省代表建议办理条例, article 9 and the start of article 10: three sentences
const text = '第九条 代表可以要求撤回本人提出的建议、批评和意见。要求撤回的，应当以书面形式提出，其办理工作即行终止。\n第十条 在省人民代表大会闭会期间提出的，由常务委员会人事代表工作机构负责在接到之日起五日内交承办单位办理。';
const map = normalizeText(text, rules);
const ctx: Context = { text, map, norm: map.norm, rules, diagnostics: [] };
const sents = splitSentencesNorm(rules, ctx.norm).map((s) => s.span);
const words = (spans: Span[]) => segmentSpans(ctx, spans).filter(isVerb).map((t) => ctx.norm.slice(t.span[0], t.span[0] + 2));

describe('the verbs of the sentences a frame reads', () => {
  it('come from the tokens of the sentences with a rule, and from jieba on first use for the sentences around them', () => {
    expect(sents.length).toBe(3);
    const [nine, nineB, ten] = sents as [Span, Span, Span];
    const five = ctx.norm.indexOf('五日');
    const own = [ten];
    const tokens = segmentSpans(ctx, own, [[five, five + 2]]);
    const v = new SentenceVerbs(ctx, own, tokens, new Map([[nineB[0], nineB]]), [[five, five + 2]]);
    // the rule's own sentence: its verbs as the up-front tokens give them
    expect(v.of(ten).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([ten]));
    expect(v.of(ten).length).toBeGreaterThan(2);
    // a sentence around it: segmented when asked for, the same verbs as segmenting it with the others
    expect(v.of(nineB).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([nineB]));
    expect(words([nineB])).toContain('撤回');
    expect(v.of(nineB)).toBe(v.of(nineB));
    // a sentence in neither set has none, as if never segmented
    expect(v.of(nine)).toEqual([]);
  });

  it('segment several earlier sentences in one call, each sentence\'s verbs only its own', () => {
    const [nine, nineB, ten] = sents as [Span, Span, Span];
    const v = new SentenceVerbs(ctx, [ten], segmentSpans(ctx, [ten]), new Map([[nine[0], nine], [nineB[0], nineB]]), []);
    v.prepare([nineB, nine]);
    expect(v.of(nine).every((at) => at >= nine[0] && at < nine[1])).toBe(true);
    expect(v.of(nineB).every((at) => at >= nineB[0] && at < nineB[1])).toBe(true);
    expect([...v.of(nine), ...v.of(nineB)]).toEqual(segmentSpans(ctx, [nine, nineB]).filter(isVerb).map((t) => t.span[0]));
  });

  it('keep a sentence\'s verbs when a call lists it twice (two rules in one sentence)', () => {
    const [nine, nineB, ten] = sents as [Span, Span, Span];
    const v = new SentenceVerbs(ctx, [ten], segmentSpans(ctx, [ten]), new Map([[nine[0], nine], [nineB[0], nineB]]), []);
    v.prepare([nineB, nineB, nine]);
    expect(v.of(nineB).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([nineB]));
    expect(v.of(nineB).length).toBeGreaterThan(0);
  });
});
