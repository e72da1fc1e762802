import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { analyseBytes } from '../../src/pipeline.js';
import { SEEDS, seedText } from '../helpers.js';

// A traditional copy of each seed (converted by OpenCC, as a Taiwan or Hong Kong site would print it) must
// read as the simplified one: the same metadata and the same rules.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const view = (d: Awaited<ReturnType<typeof analyseBytes>>['doc']) => ({
  docType: d.meta.docType, adoptedOn: d.meta.adoptedOn, place: d.meta.place.name, sections: d.structure.length,
  rules: d.obligations.filter((o) => o.quantity).map((o) => [o.article, o.topic, o.quantity!.value ?? o.quantity!.min, o.quantity!.comparator, o.per, o.period]),
  statistics: d.statistics.length,
});

describe('traditional characters', () => {
  it.each(SEEDS.map((id) => [id]))('%s: a traditional copy gives the same metadata and obligations', async (id) => {
    const simplified = seedText(id);
    const traditional = toTraditional(simplified);
    expect(traditional).not.toBe(simplified);
    const s = (await analyseBytes(Buffer.from(simplified, 'utf8'), `${id}.txt`)).doc;
    const t = (await analyseBytes(Buffer.from(traditional, 'utf8'), `${id}-traditional.txt`)).doc;
    expect(view(t)).toEqual(view(s));
    // the title is the source's own words, in the source's script
    expect(t.meta.title === null).toBe(s.meta.title === null);
  });
});

describe('Big5', () => {
  it('a traditional seed saved as Big5 is decoded, not refused, and reads as the simplified seed', async () => {
    const iconv = (await import('iconv-lite')).default;
    const simplified = seedText(SEEDS[0]);
    const big5 = iconv.encode(toTraditional(simplified), 'big5');
    const t = (await analyseBytes(big5, 'big5.txt')).doc;
    const s = (await analyseBytes(Buffer.from(simplified, 'utf8'), 'seed.txt')).doc;
    expect(t.source.encoding).toBe('big5');
    expect(view(t)).toEqual(view(s));
  });

  it('a GB18030 file is still read as GB18030, not as Big5', async () => {
    const iconv = (await import('iconv-lite')).default;
    const doc = (await analyseBytes(iconv.encode(seedText(SEEDS[1]), 'gb18030'), 'gb.txt')).doc;
    expect(doc.source.encoding).toBe('gb18030');
  });
});
