import { describe, expect, it } from 'vitest';
import { analyseBytes, analyseFile } from '../../src/pipeline.js';
import { SEEDS, gold, seedPath } from '../helpers.js';

describe('metadata and structure of every seed match the gold', () => {
  it.each(SEEDS)('%s', async (id) => {
    const { doc } = await analyseFile(seedPath(id));
    const g = gold(id).meta;
    expect(doc.meta.title).toBe(g.title);
    expect(doc.meta.docType).toBe(g.docType);
    if (g.issuer) expect(doc.meta.issuer).toBe(g.issuer);
    expect(doc.meta.place.name).toBe(g.place.name);
    if (g.place.level) expect(doc.meta.place.level).toBe(g.place.level);
    expect(doc.meta.place.redacted).toBe(Boolean(g.place.redacted));
    expect(doc.meta.adoptedOn).toBe(g.adoptedOn ?? null);
    if (g.publishedOn) expect(doc.meta.publishedOn).toBe(g.publishedOn);
    expect(doc.meta.draft).toBe(Boolean(g.draft));
    if (g.sections !== undefined) {
      expect(doc.structure.length).toBe(g.sections);
      expect(doc.structure.reduce((n, s) => n + s.articles.length, 0)).toBe(g.articles);
    }
    // every node's text is the source slice, and sections nest their articles
    for (const s of doc.structure) {
      expect(doc.text.slice(...s.headingSpan)).toBe(s.heading);
      for (const a of s.articles) {
        expect(a.span[0]).toBeGreaterThanOrEqual(s.span[0]);
        expect(a.span[1]).toBeLessThanOrEqual(s.span[1]);
        expect(doc.text.slice(...a.headingSpan)).toBe(a.heading);
      }
    }
    if (g.boilerplate) {
      for (const b of g.boilerplate) expect(doc.boilerplate.some((x) => x.text.includes(b))).toBe(true);
    }
  });

  it('000: sections, article numbers and heading sentences are exact', async () => {
    const { doc } = await analyseFile(seedPath(SEEDS[0]));
    expect(doc.structure.map((s) => [s.label, s.articles.map((a) => a.number)])).toEqual([
      ['一', [1, 2, 3, 4, 5]], ['二', [6, 7, 8, 9, 10]], ['三', [11, 12, 13, 14]], ['四', [15, 16, 17]], ['五', [18, 19, 20]],
    ]);
    expect(doc.structure[3]!.articles[0]!.heading).toBe('15.践行群众路线。');
    expect(doc.structure[0]!.heading).toBe('一、加强思想建设，把握正确政治方向');
    expect(doc.meta.session).toBe('第十六届人民代表大会常务委员会第一次会议');
  });

  it('003: photo captions and repeated sentences are boilerplate with their reasons', async () => {
    const { doc } = await analyseFile(seedPath(SEEDS[3]));
    const captions = doc.boilerplate.filter((b) => b.reason === 'photo-caption').map((b) => b.text.slice(0, 10));
    expect(captions).toEqual(['2021年3月8日,', '2021年10月29', '长春市人大常委会高度', '全市各级人大代表依法', '市人大常委会不定期举', '长春市人大常委会包保', '2021年10月11', '2021年6月27日']);
    const dup = doc.boilerplate.filter((b) => b.reason === 'duplicate');
    expect(dup.map((d) => [d.span, d.text.slice(0, 10)])).toEqual([[[565, 590], '持续发力,精准施策,'], [[1100, 1163], '脱贫攻坚战打响以来,'], [[2565, 2594], '制定地方性法规15件'], [[3473, 3571], '先后对《长春市城市绿'], [[3675, 3713], '听取和审议“一府两院'], [[6784, 6828], '做出了《关于依法做好']]);
    for (const d of dup) expect(doc.text.slice(...d.duplicateOf!)).toBe(d.text);
  });

  it('004: the advertising header is boilerplate and its number is not a quantity', async () => {
    const { doc } = await analyseFile(seedPath(SEEDS[4]));
    const ads = doc.boilerplate.filter((b) => b.reason === 'advertising').map((b) => b.text);
    expect(ads).toEqual(['仅供学习 禁止外传', '酷乐文行', '自建平台、实时分享', '根据实际需求和形式任务不断迭代', '现在订阅立享前3年的所有权益和资料', '【打击倒卖活动】', '举报倒卖会员资料的人，举报成功免费赠送一年会员材料！', '会员群：                      免费QQ群：']);
    expect(doc.statistics.some((s) => s.quantity?.raw === '3年')).toBe(false);
  });
});

describe('clauses', () => {
  it('a comma grouping thousands or a colon in a time of day does not end a clause; a Chinese comma does', async () => {
    const text = '五年工作综述\n办理代表议案3件、建议1,286件，会议于14:30开始。\n';
    const { doc } = await analyseBytes(Buffer.from(text), 'report.txt');
    expect(doc.statistics.map((s) => [s.quantity!.raw, s.quantity!.value, s.text])).toEqual([
      ['3件', 3, '办理代表议案3件、建议1,286件，'],
      ['1,286件', 1286, '办理代表议案3件、建议1,286件，'],
    ]);
  });
});

describe('articles numbered in digits', () => {
  it('第1条 … 第8条 (full-width digits too) are articles, and each rule knows its own', async () => {
    const text = '某市人民代表大会常务委员会关于代表联络站建设的规定\n第1条　为加强代表联络站建设，制定本规定。\n第2条　代表联络站每月至少开展１次接待选民活动。\n第３条　对群众反映的问题，联络站应当在１０个工作日内转交有关部门。\n';
    const { doc } = await analyseBytes(Buffer.from(text), 'stations.txt');
    // labels are read in the normalised view (第３条 → 第3条); headings stay slices of the source
    expect(doc.structure.map((s) => [s.label, s.heading.slice(0, 3)])).toEqual([['第1条', '第1条'], ['第2条', '第2条'], ['第3条', '第３条']]);
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.article, o.actor?.text])).toEqual([['１次', '第2条', '代表联络站'], ['１０个工作日内', '第3条', '联络站']]);
  });
});
