import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/packs/index.js';
import { normalizeText } from '../../src/normalize/index.js';
import { splitSentencesNorm } from '../../src/structure/index.js';
import { isVerb, segmentSpans } from '../../src/segment/index.js';
import { SentenceVerbs } from '../../src/segment/sentence-verbs.js';
import type { Context } from '../../src/core/context.js';
import type { Span } from '../../src/core/span.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseIngested } from '../../src/pipeline.js';
import { ROOT } from '../helpers.js';

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
    const v = new SentenceVerbs(ctx, own, tokens, new Map(), new Map([[nineB[0], nineB]]), [[five, five + 2]]);
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
    const v = new SentenceVerbs(ctx, [ten], segmentSpans(ctx, [ten]), new Map(), new Map([[nine[0], nine], [nineB[0], nineB]]), []);
    v.prepare([nineB, nine]);
    expect(v.of(nine).every((at) => at >= nine[0] && at < nine[1])).toBe(true);
    expect(v.of(nineB).every((at) => at >= nineB[0] && at < nineB[1])).toBe(true);
    expect([...v.of(nine), ...v.of(nineB)]).toEqual(segmentSpans(ctx, [nine, nineB]).filter(isVerb).map((t) => t.span[0]));
  });

  it('keep a sentence\'s verbs when a call lists it twice (two rules in one sentence)', () => {
    const [nine, nineB, ten] = sents as [Span, Span, Span];
    const v = new SentenceVerbs(ctx, [ten], segmentSpans(ctx, [ten]), new Map(), new Map([[nine[0], nine], [nineB[0], nineB]]), []);
    v.prepare([nineB, nineB, nine]);
    expect(v.of(nineB).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([nineB]));
    expect(v.of(nineB).length).toBeGreaterThan(0);
  });

  it('segment a rule\'s sentence up front only to its number\'s clause, and the rest when something past it is read', () => {
    const ten = sents[2]!;
    const five = ctx.norm.indexOf('五日');
    // 第十条 在…闭会期间提出的，由…负责在接到之日起五日内交承办单位办理。: the number's clause is the last, so cut before it
    // (the normalised view writes the comma as ASCII)
    const clauseEnd = ten[0] + ctx.norm.slice(ten[0]).search(/[，,]/) + 1;
    const part: Span = [ten[0], clauseEnd];
    expect(ctx.norm.slice(...part)).toBe('第十条 在省人民代表大会闭会期间提出的,');
    const v = new SentenceVerbs(ctx, [part], segmentSpans(ctx, [part]), new Map([[ten[0], ten]]), new Map(), [[five, five + 2]]);
    // what stands before a position inside the part is known without jieba
    expect(v.of(ten, clauseEnd).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([part]));
    // the whole sentence: the rest segmented now, the verbs those of segmenting it at once
    expect(v.of(ten).map((at) => ctx.norm.slice(at, at + 2))).toEqual(words([ten]));
    expect(v.of(ten).length).toBeGreaterThan(words([part]).length);
    // asking again segments nothing more, and the tokens of the rest join the up-front ones in text order
    expect(v.of(ten)).toBe(v.of(ten));
    const all = v.withLater(segmentSpans(ctx, [part]));
    expect(all.map((t) => t.word)).toEqual(segmentSpans(ctx, [ten], [[five, five + 2]]).map((t) => t.word));
  });

  it('give extract the same document whether or not every rule\'s sentence is segmented whole, and compare the whole sentence\'s words', () => {
    const name = '21_shandong_daibiao-jianyi_2017.txt';
    const body = readFileSync(join(ROOT, 'corpora', 'regulations', name), 'utf8');
    const ing = () => ({ source: { path: name, name, format: 'txt' as const, encoding: 'utf-8', bytes: Buffer.byteLength(body), sha256: '' }, text: body, diagnostics: [] });
    const part = analyseIngested(ing(), rules, false, false, false);
    const whole = analyseIngested(ing(), rules, false, false, true);
    expect(JSON.stringify(part.doc)).toBe(JSON.stringify(whole.doc));
    expect(part.tokens.length).toBeLessThan(whole.tokens.length);
    // every rule's sentence is covered to its end in the whole analysis
    for (const o of whole.doc.obligations) {
      const [a, b] = whole.ctx.map.fromSource(o.sentence);
      const inside = whole.tokens.filter((t) => t.span[0] >= a && t.span[1] <= b).map((t) => t.word).join('');
      expect(inside).toBe(segmentSpans(whole.ctx, [[a, b]], []).map((t) => t.word).join(''));
    }
  });
});
