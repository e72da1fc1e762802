import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseBytes, analyseFile, analyseString } from '../../src/pipeline.js';
import { loadRules } from '../../src/packs/index.js';
import { articlesOf } from '../../src/structure/index.js';
import type { Obligation, ZhiduDocument } from '../../src/schema/document.js';
import { ROOT } from '../helpers.js';

// Complete regulations from the bundled corpus (corpora/regulations): real sentences, exact frames.
const cache = new Map<string, Promise<ZhiduDocument>>();
const reg = (file: string) => {
  if (!cache.has(file)) cache.set(file, analyseFile(join(ROOT, 'corpora', 'regulations', file)).then((a) => a.doc));
  return cache.get(file)!;
};
/** The obligation whose quantity lies in the sentence containing `anchor`. */
async function rule(file: string, anchor: string, nth = 0): Promise<Obligation> {
  const doc = await reg(file);
  const at = doc.text.indexOf(anchor);
  const hits = doc.obligations.filter((o) => o.quantity && o.quantity.span[0] >= at && o.quantity.span[0] < at + anchor.length);
  expect(hits.length).toBeGreaterThan(nth);
  return hits[nth]!;
}
/** The bearer's text of the rule at `anchor` (rule), null when none is named. */
const actorAt = async (file: string, anchor: string, nth = 0) => (await rule(file, anchor, nth)).actor?.text ?? null;
/** The first `n` rules with a number after an article's label (第四十九条). */
const rulesAfter = (doc: ZhiduDocument, label: string, n: number) => {
  const at = doc.text.indexOf(label);
  return doc.obligations.filter((o) => o.quantity && o.span[0] > at).slice(0, n);
};
const frame = (o: Obligation) => ({
  raw: o.quantity?.raw, cmp: o.quantity?.comparator, value: o.quantity?.value, unit: o.quantity?.unit, measure: o.quantity?.measure,
  canonical: o.quantity?.canonical ? `${o.quantity.canonical.value} ${o.quantity.canonical.unit}` : null,
  actor: o.actor?.text ?? null, modality: o.modality, hedged: o.hedged, from: o.from?.text ?? null, period: o.period, article: o.article,
});

describe('time limits and lead times', () => {
  it('a longer limit after a semicolon runs from the event of the sentence it continues; an extension does not (广西-style 第十二条)', () => {
    const text = '某区代表建议办理规定\n第十二条　承办单位应当自交办之日起三个月内办理完毕并答复代表；涉及面广、处理难度大的，应当在六个月内办理完毕并答复代表。\n第十三条　有关机关应当自收到视察报告之日起两个月内研究处理；情况复杂的，可以延长一个月。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.from?.text ?? null]);
    expect(rows).toEqual([['三个月内', '自交办之日起'], ['六个月内', '自交办之日起'], ['两个月内', '自收到视察报告之日起'], ['一个月', null]]);
  });

  it('a deadline whose clause names a bearer of its own takes no event from the clause before (another act\'s)', () => {
    const text = '某省代表建议办理条例\n第六条　代表对答复不满意的，可以在收到答复之日起十五日内提出，承办单位应当在一个月内再次答复。\n第七条　承办单位应当自交办之日起三个月内办理完毕，涉及面广的，六个月内办理完毕。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.from?.text ?? null]);
    expect(rows).toEqual([
      ['十五日内', '代表', '在收到答复之日起'], ['一个月内', '承办单位', null],
      ['三个月内', '承办单位', '自交办之日起'], ['六个月内', '承办单位', '自交办之日起'],
    ]);
  });

  it('七日以前 is a lead time from 会议举行, at least seven days (全国人大常委会议事规则 第九条)', async () => {
    expect(frame(await rule('47_national_yishi-guize_2022.txt', '会议举行七日以前'))).toEqual({
      raw: '七日以前', cmp: 'gte', value: 7, unit: '日', measure: 'lead-time', canonical: '7 day',
      actor: '常务委员会', modality: 'should', hedged: false, from: '会议举行', period: null, article: '第二章.第九条',
    });
  });

  it('二十个工作日内 is a deadline in working days from receipt (重庆 第十八条)', async () => {
    expect(frame(await rule('39_chongqing_daibiao-jianyi_2017.txt', '二十个工作日内与代表沟通'))).toEqual({
      raw: '二十个工作日内', cmp: 'lte', value: 20, unit: '个工作日', measure: 'deadline', canonical: '20 workday',
      actor: '承办单位', modality: 'should', hedged: false, from: '自收到代表建议、批评和意见之日起', period: null, article: '第四章.第十八条',
    });
  });

  it('办理期限为三个月 binds without a modal word: must, at most three months (山东 第十九条)', async () => {
    const o = await rule('21_shandong_daibiao-jianyi_2017.txt', '办理期限为三个月');
    expect([o.quantity!.comparator, o.quantity!.measure, o.modality, o.action?.text]).toEqual(['lte', 'deadline', 'must', '代表建议、批评和意见的办理期限为三个月']);
  });

  it('由X负责在…五日内: the bearer is named after 由 (山东 第十条)', async () => {
    const o = await rule('21_shandong_daibiao-jianyi_2017.txt', '在接到之日起五日内');
    expect([o.actor?.text, o.from?.text, o.condition?.text, o.modality]).toEqual(['省人民代表大会常务委员会人事代表工作机构', '在接到之日起', '在省人民代表大会闭会期间提出的', 'must']);
  });

  it('不得超过三个月 is a prohibition on a longer extension (上海 第十九条)', async () => {
    const o = await rule('02_shanghai_daibiao-jianyi_nd.txt', '不得超过三个月');
    expect([o.quantity!.raw, o.quantity!.comparator, o.quantity!.measure, o.modality, o.actor?.text]).toEqual(['三个月', 'lte', 'deadline', 'must-not', '承办单位']);
  });

  it('一年内 after a three-month limit is a second deadline, not a period (北京 执法检查 第十六条); 在发布后, 通过后 start a limit (河南 监督法办法, 山东 立法听证)', async () => {
    const o = await rule('16_beijing_zhifa-jiancha_2007.txt', '一年内，将审议意见的研究处理情况');
    expect([o.quantity!.raw, o.quantity!.comparator, o.quantity!.value, o.quantity!.unit, o.quantity!.measure, o.period, o.actor?.text]).toEqual(['一年内', 'lte', 1, '年', 'deadline', null, '“一府两院”']);
    expect((await rule('33_henan_jiandu_2015.txt', '应当在发布后三十日内')).from?.text).toBe('在发布后');
    expect((await rule('22_shandong_lifa-tingzheng_2019.txt', '地方性法规通过后十五日内')).from?.text).toBe('通过后');
  });

  it('…while a span whose clause counts occasions is their period: 一年内至少开展两次 is two a year', () => {
    const doc = analyseString('某市人民代表大会代表小组活动办法\n第八条 代表小组一年内至少开展两次集中视察活动。\n', loadRules());
    expect(doc.doc.obligations.map((o) => [o.quantity?.raw ?? null, o.quantity?.measure ?? null, o.period])).toEqual([['两次', 'frequency', 'year']]);
    expect(doc.dropped.map((d) => [d.text, d.filter])).toContainEqual(['一年', 'F16-period-of-count']);
  });

  it('an extension of a time limit is a deadline (河南 监督法办法 第五十四条: 可以延长三十日), of a speech a duration (上海 常委会议事规则: 可以延长五分钟); 延长一个月 is one month, not the indefinite 一', async () => {
    const review = (await reg('33_henan_jiandu_2015.txt')).obligations.find((o) => o.quantity?.raw === '三十日' && o.text.includes('可以延长三十日'))!;
    expect([review.quantity!.comparator, review.quantity!.measure, review.modality]).toEqual(['eq', 'deadline', 'may']);
    const speech = rulesAfter(await reg('06_shanghai_yishi-guize_nd.txt'), '第三十五条', 2)[1]!;
    expect([speech.quantity!.raw, speech.quantity!.measure]).toEqual(['五分钟', 'duration']);
    const doc = analyseString('某县人民代表大会代表视察办法\n第七条 有关机关应当自收到视察报告之日起两个月内，将研究处理情况书面答复代表；情况复杂的，可以延长一个月。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.quantity?.value, o.quantity?.measure, o.actor?.text])).toEqual([['两个月内', 2, 'deadline', '有关机关'], ['一个月', 1, 'deadline', '有关机关']]);
  });

  it('在二十四小时以内 is a deadline in hours (上海 第三十六条)', async () => {
    const o = await rule('08_shanghai_daibiaofa-shishi_nd.txt', '在二十四小时以内');
    expect([o.quantity!.comparator, o.quantity!.measure, o.quantity!.canonical]).toEqual(['lte', 'deadline', { value: 24, min: null, max: null, unit: 'hour' }]);
  });
});

describe('counts, shares, sizes, frequencies and durations', () => {
  it('a comparator before a list of amounts governs each (分别不低于三千元、二千元、一千五百元); a suffix governs only its own', () => {
    const rules = loadRules();
    const list = analyseString('某省实施代表法办法\n第五条　省、州、县人民代表大会代表的活动经费每人每年分别不低于三千元、二千元、一千五百元。\n', rules).doc;
    expect(list.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator])).toEqual([['三千元', 'gte'], ['二千元', 'gte'], ['一千五百元', 'gte']]);
    const suffix = analyseString('某省实施代表法办法\n第六条　补助标准为三千元以上、二千元。\n', rules).doc;
    expect(suffix.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator])).toEqual([['三千元以上', 'gte'], ['二千元', 'eq']]);
  });

  it('每年活动不少于四次: a frequency per year, the subject carried from the clause before (山东 第十九条)', async () => {
    expect(frame(await rule('25_shandong_daibiaofa-shishi_2015.txt', '每年活动不少于四次'))).toEqual({
      raw: '四次', cmp: 'gte', value: 4, unit: '次', measure: 'frequency', canonical: '4 time',
      actor: '不设区的市、市辖区、县、乡、民族乡、镇的人民代表大会代表小组', modality: 'must', hedged: false, from: null, period: 'year', article: '第三章.第十九条',
    });
  });

  it('一般为每年十五天: a hedged duration per year (山东 第三十四条)', async () => {
    const o = await rule('25_shandong_daibiaofa-shishi_2015.txt', '一般为每年十五天');
    expect([o.quantity!.measure, o.quantity!.comparator, o.period, o.hedged, o.modality]).toEqual(['duration', 'eq', 'year', true, 'should']);
  });

  it('未经批准，两次不出席 is a threshold: at least two absences end the mandate (山东 第四十九条)', async () => {
    const o = await rule('25_shandong_daibiaofa-shishi_2015.txt', '未经批准，两次不出席');
    expect([o.quantity!.comparator, o.quantity!.measure, o.quantity!.ruleId, o.actor?.text, o.modality]).toEqual(['gte', 'count', 'quantity/violation-threshold', '代表', 'must']);
  });

  it('十分之一以上代表联名，有权…提出: a share, permission (上海 第十七条)', async () => {
    const o = await rule('08_shanghai_daibiaofa-shishi_nd.txt', '十分之一以上代表联名，有权书面提出');
    expect([o.quantity!.value, o.quantity!.unit, o.quantity!.comparator, o.quantity!.measure, o.modality, o.cue?.text]).toEqual([0.1, '', 'gte', 'share', 'may', '有权']);
  });

  it('推选一至三名代表为小组召集人: a size range (上海 第二十二条)', async () => {
    const o = await rule('08_shanghai_daibiaofa-shishi_nd.txt', '推选一至三名代表');
    expect([o.quantity!.min, o.quantity!.max, o.quantity!.comparator, o.quantity!.measure]).toEqual([1, 3, 'range', 'size']);
  });

  it('多十分之一至五分之一 and 百分之八至百分之十 are ranges of shares, one quantity each (山东 议事规则, 上海 议事规则 第十二条)', async () => {
    const f = await rule('23_shandong_yishi-guize_2019.txt', '候选人数应当比应选人数多十分之一至五分之一');
    expect([f.quantity!.raw, f.quantity!.value, f.quantity!.min, f.quantity!.max, f.quantity!.unit, f.quantity!.comparator, f.quantity!.measure, f.quantity!.canonical])
      .toEqual(['十分之一至五分之一', null, 0.1, 0.2, '', 'range', 'share', { value: null, min: 0.1, max: 0.2, unit: 'share' }]);
    const p = await rule('07_shanghai_yishi-guize_2001.txt', '代表总数的百分之八至百分之十');
    expect([p.quantity!.raw, p.quantity!.min, p.quantity!.max, p.quantity!.unit, p.quantity!.comparator, p.quantity!.measure]).toEqual(['百分之八至百分之十', 8, 10, '%', 'range', 'percent']);
  });

  it('受质询机关 and 受询问机关 are bearers: the body questioned answers within two months (上海 实施代表法办法 and 议事规则, 北京 乡镇人大)', async () => {
    expect(await actorAt('08_shanghai_daibiaofa-shishi_nd.txt', '可以在闭会后两个月内作出答复')).toBe('受询问机关');
    expect(await actorAt('08_shanghai_daibiaofa-shishi_nd.txt', '可以在大会闭会后两个月内')).toBe('受质询机关');
    expect(await actorAt('07_shanghai_yishi-guize_2001.txt', '可以在市人民代表大会闭会后两个月内，由受质询机关')).toBe('受质询机关');
    expect(await actorAt('10_beijing_xiangzhen-renda_2016.txt', '由受质询机关在大会后三个月内')).toBe('受质询机关');
  });

  it('each alternative bears its own number: 一个代表团以全体代表的过半数通过或者代表10人以上联名; 三个以上代表团，可以提议 (北京 议事规则 第四十一条, 北京 实施代表法办法 第十四条, 组织法)', async () => {
    const at = '一个代表团以全体代表的过半数通过或者代表10人以上联名';
    expect((await rule('15_beijing_yishi-guize_2022.txt', at, 0)).actor?.text).toBe('代表团');
    expect((await rule('15_beijing_yishi-guize_2022.txt', at, 1)).actor?.text).toBe('代表');
    expect(await actorAt('19_beijing_daibiaofa-shishi_2014.txt', '或者三个以上代表团，可以提议')).toBe('代表团');
    expect(await actorAt('19_beijing_daibiaofa-shishi_2014.txt', '代表十人以上联名或者一个代表团以全体代表的过半数通过', 1)).toBe('代表团');
    expect(await actorAt('48_national_zuzhifa_2022.txt', '由常务委员会以全体组成人员的过半数通过')).toBe('常务委员会');
  });

  it('a number inside a relative clause is borne by its head: 未经批准两次不出席…会议的代表，代表资格终止 (北京 乡镇人大 第三十四条)', async () => {
    const doc = await reg('10_beijing_xiangzhen-renda_2016.txt');
    // the article alone, under a title: the sentence before names 主席或者副主席, who do not bear the absences
    const at = doc.text.indexOf('第三十四条');
    const text = `某市乡镇人民代表大会工作条例\n\n${doc.text.slice(at, doc.text.indexOf('\n', at))}\n`;
    const o = analyseString(text, loadRules()).doc.obligations.find((x) => x.quantity?.raw === '两次')!;
    expect([o.actor?.text, o.quantity!.comparator, o.modality]).toEqual(['代表', 'gte', 'must']);
  });

  it('the head of government bears the nomination deadline: 市长应当在两个月内提出任命…的议案 (北京 任免 第二十三条, 浙江 任免 第十六条)', async () => {
    expect(await actorAt('13_beijing_renmian_2007.txt', '市长应当在两个月内提出')).toBe('市长');
    expect(await actorAt('35_zhejiang_renmian_2018.txt', '省长应当在两个月内提请')).toBe('省长');
  });

  it('an office named by what it does bears its deadline: 听证机构, 规范性文件制定机关, 人民政府审计部门 (山东 立法听证, 山东 备案审查, 河南 监督)', async () => {
    expect(await actorAt('22_shandong_lifa-tingzheng_2019.txt', '听证机构应当在举行立法听证会二十日前')).toBe('听证机构');
    expect(await actorAt('24_shandong_beian-shencha_2017.txt', '规范性文件制定机关应当自收到审查意见或者研究意见之日起三十日内')).toBe('规范性文件制定机关');
    expect(await actorAt('33_henan_jiandu_2015.txt', '人民政府审计部门应当在每年本级人民代表大会常务委员会审查批准本级决算的一个月前')).toBe('人民政府审计部门');
  });

  it('the starting event is named in full: 在检查结束后, 自代表建议、批评和意见交办之日起 (重庆 代表建议 第二十一条)', async () => {
    expect((await rule('39_chongqing_daibiao-jianyi_2017.txt', '自代表建议、批评和意见交办之日起三个月内')).from?.text).toBe('自代表建议、批评和意见交办之日起');
    const doc = analyseString('某市执法检查办法\n\n第二十五条 执法检查组应当在检查结束后两个月内向常务委员会提出执法检查报告。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.from?.text, o.actor?.text])).toEqual([['两个月内', '检查结束后', '执法检查组']]);
  });

  it('前 before a time quantity, after the event, is a lead time: 主席团会议前两小时 (上海 议事规则)', async () => {
    const o = await rule('07_shanghai_yishi-guize_2001.txt', '主席团会议前两小时');
    expect([o.quantity!.value, o.quantity!.unit, o.quantity!.comparator, o.quantity!.measure]).toEqual([2, '小时', 'gte', 'lead-time']);
  });

  it('批评教育 and 代表资格终止 are sanctions of an absence threshold', () => {
    const text = '某市人民代表大会常务委员会组成人员守则\n\n第三条 常务委员会组成人员一年内累计三次无故缺席常务委员会会议的，由主任会议对其进行批评教育。\n第四条 未经批准两次不出席本级人民代表大会会议的代表，代表资格终止。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.quantity?.comparator, o.sanction?.text])).toEqual([
      ['三次', 'gte', '由主任会议对其进行批评教育'], ['两次', 'gte', '代表资格终止'],
    ]);
  });

  it('a share of the members of a body is the vote of the body, and 满 is a floor: 由常务委员会全体组成人员的过半数通过, 搁置审议满两年 (全国人大常委会议事规则, 山东 实施代表法办法)', async () => {
    expect(await actorAt('47_national_yishi-guize_2022.txt', '表决议案由常务委员会全体组成人员的过半数通过')).toBe('常务委员会');
    expect(await actorAt('25_shandong_daibiaofa-shishi_2015.txt', '须经常务委员会组成人员的过半数通过')).toBe('常务委员会');
    // …but a meeting that needs a majority present keeps the meeting as its subject
    expect(await actorAt('47_national_yishi-guize_2022.txt', '常务委员会会议有常务委员会全体组成人员的过半数出席')).toBe('常务委员会会议');
    const doc = analyseString('某省地方立法条例\n\n第七条 搁置审议满两年的，该法规案终止审议。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.quantity?.comparator, o.quantity?.measure])).toEqual([['两年', 'gte', 'duration']]);
  });

  it('a condition that opens an article starts after its label: 代表对答复不满意的 (not 第三条 代表…)', () => {
    const doc = analyseString('某省代表建议办理办法\n\n第三条 代表对答复不满意的，承办单位应当在一个月内重新研究办理，并再次答复代表。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.condition?.text, o.actor?.text])).toEqual([['一个月内', '代表对答复不满意的', '承办单位']]);
  });

  it('a sentence whose subject is a thing takes no bearer from the sentence before: 副主席、副乡长、副镇长的候选人数应比应选人数多一至三人 (重庆 乡镇人大)', async () => {
    const o = await rule('38_chongqing_xiangzhen-renda_2016.txt', '副镇长的候选人数应比应选人数多一至三人');
    expect([o.quantity!.raw, o.actor]).toEqual(['一至三人', null]);
  });

  it('a list of bearers closed by 等 is the subject; a count of times names no bearer after it (上海 代表建议 第十五条)', async () => {
    expect(await actorAt('02_shanghai_daibiao-jianyi_nd.txt', '等应当于市人民代表大会闭会后一个月内')).toBe('市人民代表大会常务委员会办公厅、市人民政府办公厅');
    const doc = analyseString('某市人大常委会关于加强自身建设的意见\n\n一、加强制度建设\n5.每周召开一次机关例会。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.actor])).toEqual([['一次', null]]);
  });

  it('过半数出席 is a share above one half (上海 专门委员会 第二十二条)', async () => {
    const o = await rule('01_shanghai_zhuanmen-weiyuanhui_2020.txt', '过半数出席');
    expect([o.quantity!.value, o.quantity!.comparator, o.quantity!.measure, o.actor?.text]).toEqual([0.5, 'gt', 'share', '专门委员会会议']);
  });

  it('下一次人民代表大会会议 is "the next", not a count', async () => {
    const doc = await reg('10_beijing_xiangzhen-renda_2016.txt');
    const at = doc.text.indexOf('下一次人民代表大会');
    expect([...doc.obligations, ...doc.statistics].filter((x) => x.quantity && x.quantity.span[0] >= at && x.quantity.span[0] < at + 4)).toEqual([]);
  });
});

describe('frequency-only rules, slices and structure', () => {
  it('定期 and 年度活动计划 make rules with a period and no number (上海 实施代表法办法)', async () => {
    const doc = await reg('08_shanghai_daibiaofa-shishi_nd.txt');
    const f = doc.obligations.filter((o) => !o.quantity).map((o) => [o.frequency, o.period, o.article]);
    expect(f).toContainEqual(['年度活动计划', 'year', '第三章.第二十二条']);
    expect(f).toContainEqual(['定期', 'regular', '第五章.第四十九条']);
    expect(f).toContainEqual(['定期', 'regular', '第五章.第五十一条']);
  });

  it('every frame part is a slice of the source, in every regulation with gold', async () => {
    for (const file of ['08_shanghai_daibiaofa-shishi_nd.txt', '21_shandong_daibiao-jianyi_2017.txt', '39_chongqing_daibiao-jianyi_2017.txt']) {
      const doc = await reg(file);
      for (const o of doc.obligations) {
        for (const part of [o.actor, o.cue, o.action, o.from, o.condition, o.sanction]) if (part) expect(doc.text.slice(...part.span)).toBe(part.text);
      }
    }
  });

  it('chapters (## 第X章), articles with a gap (no 第四条), history dates and entry into force (山东 代表建议)', async () => {
    const doc = await reg('21_shandong_daibiao-jianyi_2017.txt');
    expect(doc.meta).toMatchObject({ title: '山东省人民代表大会代表建议、批评和意见办理工作条例', docType: 'rules', adoptedOn: '2001-12-07', amendedOn: ['2005-11-25', '2017-05-19'], effectiveOn: '2002-01-01', place: { name: '山东省', level: 'province' } });
    expect(doc.structure.map((s) => s.label)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章']);
    const arts = articlesOf(doc.structure);
    expect([arts.length, arts[2]!.path, arts[3]!.path, arts.at(-1)!.path]).toEqual([32, '第一章.第三条', '第二章.第五条', '第六章.第三十三条']);
    const a6 = arts.find((a) => a.path === '第二章.第六条')!.article;
    expect(a6.items.map((i) => i.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）']);
  });

  it('a city\'s regulation approved by its province: the approval is neither its adoption nor an amendment', async () => {
    const text = '长沙市人民代表大会常务委员会议事规则\n（2019年11月29日长沙市第十五届人民代表大会常务委员会第二十五次会议通过　2020年3月31日湖南省第十三届人民代表大会常务委员会第十六次会议批准）\n第一条 为了规范常务委员会的议事活动，制定本规则。\n第三十条 本规则自2020年5月1日起施行。\n';
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'changsha.txt');
    expect(doc.meta).toMatchObject({ place: { name: '长沙市', level: 'city' }, adoptedOn: '2019-11-29', amendedOn: [], effectiveOn: '2020-05-01' });
  });

  it('a regulation published under its committee\'s 公告: the place is the committee\'s, not 已由宜春市', async () => {
    const text = '宜春市人民代表大会常务委员会公告\n（第十二号）\n《宜春市人民代表大会常务委员会议事规则》已由宜春市第十六届人民代表大会常务委员会第十次会议于2021年3月30日通过，现予公布，自2021年5月1日起施行。\n宜春市人民代表大会常务委员会\n2021年3月31日\n宜春市人民代表大会常务委员会议事规则\n（2021年3月30日宜春市第十六届人民代表大会常务委员会第十次会议通过）\n第一条 为了规范议事活动，制定本规则。\n';
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'gonggao.txt');
    expect(doc.meta).toMatchObject({ title: '宜春市人民代表大会常务委员会议事规则', docType: 'rules', place: { name: '宜春市', level: 'city' }, issuer: '宜春市人民代表大会常务委员会', adoptedOn: '2021-03-30', effectiveOn: '2021-05-01' });
  });

  it('a decision that rewrites an article: the quoted rule\'s bearer starts after the quotation mark', async () => {
    const text = '某某市人民代表大会常务委员会关于修改《某某市人民代表大会常务委员会议事规则》的决定\n（2021年6月25日某某市第十六届人民代表大会常务委员会第三十一次会议通过）\n一、将第五条修改为：“常务委员会会议一般每月举行一次。”\n';
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'decision.txt');
    expect(doc.meta.docType).toBe('decision');
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.period, o.actor?.text])).toEqual([['一次', 'month', '常务委员会会议']]);
  });

  it('a thing the rule is about is not its bearer: 会议通知应当提前5日送达 names none', async () => {
    const text = '某某市人民代表大会常务委员会议事规则\n第五条 会议通知应当提前5日送达。\n第六条 常务委员会办公厅应当提前5日送达会议通知。\n';
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'notice.txt');
    expect(doc.obligations.map((o) => [o.article, o.quantity?.raw, o.quantity?.measure, o.actor?.text ?? null])).toEqual([
      ['第五条', '5日', 'lead-time', null], ['第六条', '5日', 'lead-time', '常务委员会办公厅'],
    ]);
  });

  it('a measure of something as the subject (列席人数不得超过代表总数的二分之一) takes no bearer from the sentence before (北京 乡镇人大 第十六条)', async () => {
    const o = await rule('10_beijing_xiangzhen-renda_2016.txt', '代表总数的二分之一');
    expect([o.quantity!.raw, o.quantity!.comparator, o.actor]).toEqual(['二分之一', 'lte', null]);
  });

  it('a breach a sanction follows is no frequency-only rule, and 定期 inside 规定期限 is no period (山东 备案审查 第二十三条, 重庆 代表建议 第三十九条, 北京 备案审查 2024)', async () => {
    for (const [file, anchor] of [['24_shandong_beian-shencha_2017.txt', '未按照规定期限报送'], ['39_chongqing_daibiao-jianyi_2017.txt', '未按规定期限办理'], ['18_beijing_beian-shencha_2024.txt', '未按照有关规定开展定期清理']] as const) {
      expect((await reg(file)).obligations.filter((o) => !o.quantity && o.text.includes(anchor))).toEqual([]);
    }
  });

  it('不定期 sets no period: 不定期开展视察 is no frequency-only rule, 应当定期 is', async () => {
    const text = '某某市人民代表大会常务委员会议事规则\n第一条 常委会不定期开展视察活动。\n第二条 代表应当定期向原选区选民报告履职情况。\n';
    const { doc } = await analyseBytes(Buffer.from(text, 'utf8'), 'periods.txt');
    expect(doc.obligations.map((o) => [o.article, o.frequency, o.period, o.actor?.text])).toEqual([['第二条', '定期', 'regular', '代表']]);
  });

  it('a regulation without chapters has its articles at the top level (山东 乡镇人大)', async () => {
    const doc = await reg('20_shandong_xiangzhen-renda_2015.txt');
    expect(doc.structure.every((s) => s.type === 'article')).toBe(true);
    expect(doc.structure.length).toBe(33);
    expect(doc.obligations.filter((o) => o.quantity).every((o) => /^第.+条$/u.test(o.article ?? ''))).toBe(true);
  });

  it('a national law: the place is the country, the title ends in 法', async () => {
    const doc = await reg('43_national_daibiaofa_2025.txt');
    expect([doc.meta.title, doc.meta.place.name, doc.meta.place.level, doc.meta.docType]).toEqual(['中华人民共和国全国人民代表大会和地方各级人民代表大会代表法', '全国', 'national', 'rules']);
    // adopted by the congress itself (第七届全国人民代表大会第五次会议通过), amended since by its standing committee
    expect([doc.meta.issuer, doc.meta.adoptedOn]).toEqual(['全国人民代表大会', '1992-04-03']);
    // the standing committee adopted its own rules of procedure and the supervision law
    expect((await reg('46_national_yishi-guize_2009.txt')).meta.issuer).toBe('全国人民代表大会常务委员会');
    expect((await reg('44_national_jiandu_2006.txt')).meta.issuer).toBe('全国人民代表大会常务委员会');
  });
});

describe('periods', () => {
  it('a later clause that names a bearer of its own inherits no period from an earlier number\'s clause; 其中 and a verb-led clause do', () => {
    const doc = analyseString('某市人大常委会关于加强自身建设的意见\n3.常委会组成人员每年参加履职培训不少于40学时，新任组成人员在任期第一年内参加一次初任培训。\n4.进站代表每年进站履职不少于4次，其中市人大代表不少于2次，走访代表不少于3次。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.period])).toEqual([['40学时', 'year'], ['一次', null], ['4次', 'year'], ['2次', 'year'], ['3次', 'year']]);
  });

  it('任期第一年内 names one year, not a period: no frequency-only rule, while 每年…不少于一次 keeps its year', () => {
    const doc = analyseString('濮阳市人民代表大会常务委员会关于加强和改进代表工作的决定\n三、代表每年参加履职学习培训不少于一次，新任代表应当在任期第一年内参加初任培训。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw ?? null, o.period, o.actor?.text, o.per])).toEqual([['一次', 'year', '代表', 'person']]);
  });
});

describe('modality', () => {
  it('a modal that opens a later number\'s clause is that number\'s: 第一次不超过十分钟 binds, 可以延长五分钟 permits (上海 常委会议事规则 第三十五条)', async () => {
    const speech = rulesAfter(await reg('06_shanghai_yishi-guize_nd.txt'), '第三十五条', 3);
    expect(speech.map((o) => [o.quantity!.raw, o.modality])).toEqual([['十分钟', 'must'], ['五分钟', 'may'], ['五分钟', 'must']]);
    // …while a condition's threshold keeps the permission that follows it (提出议案的代表过半数…有异议的，可以…提出复议要求)
    expect((await rule('03_shanghai_daibiao-yian_nd.txt', '提出议案的代表过半数且不少于十人')).modality).toBe('may');
  });
});

describe('terms', () => {
  it('每届任期相同 ties a term to another, it sets no per-term rule (北京 乡镇人大 组织条例)', async () => {
    const doc = await reg('10_beijing_xiangzhen-renda_2016.txt');
    expect(doc.obligations.some((o) => !o.quantity && o.text.includes('每届任期相同'))).toBe(false);
    // …while 每届任期五年 stays a term of five years
    expect(doc.obligations.some((o) => o.quantity?.measure === 'term' && o.quantity.value === 5)).toBe(true);
  });
});

describe('who bears the rule', () => {
  it('a sub-district working committee (街道人大工作委员会): 组织 before a head is a verb, 办事处 bears, and a later clause with a bearer of its own keeps its modal', () => {
    const text = '某省街道人大工作委员会工作条例\n第二条　街道人大工作委员会由主任、副主任和委员三至七人组成，委员中应当有一定比例的人大代表。\n第六条　街道人大工作委员会组织代表每年听取和评议街道办事处工作不少于一次，街道办事处应当在三个月内反馈办理情况。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.modality, o.per]);
    expect(rows).toEqual([
      ['三至七人', '街道人大工作委员会', 'must', null],
      ['一次', '街道人大工作委员会', 'must', null],
      ['三个月内', '街道办事处', 'should', null],
    ]);
  });

  it('a paragraph of an article (款) takes the article\'s subject; a paragraph of a review takes none from the paragraph before', () => {
    const rules = loadRules();
    const reg = analyseString('某市代表建议办理办法\n第九条　承办单位应当认真研究办理代表建议。\n涉及面广的，应当在六个月内办理完毕。\n', rules).doc;
    expect(reg.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null])).toEqual([['六个月内', '承办单位']]);
    const review = analyseString('某市人大常委会五年工作综述\n代表累计提出建议2156件。\n自身建设不断加强。坚持每月一次党组理论学习中心组学习。\n', rules).doc;
    expect(review.obligations.map((o) => [o.quantity!.raw, o.period, o.actor?.text ?? null])).toEqual([['一次', 'month', null]]);
  });

  it('items under a lead-in: a list of duties counts per member, a list of breaches takes the lead-in\'s sanction; the next article is no item of it', () => {
    const text = '某市人民代表大会常务委员会组成人员履职管理办法\n第二条　常务委员会组成人员应当履行下列职责：\n（二）每年至少参加两次执法检查或者专题调研；\n第三条　常务委员会组成人员有下列情形之一的，由主任会议进行约谈：\n（一）一年内无正当理由两次不出席常务委员会会议的；\n（三）连续两年未提出议案或者建议的。\n第四条　常务委员会组成人员无正当理由连续三次不出席常务委员会会议的，应当辞去常务委员会组成人员职务。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.actor?.text ?? null, o.per, o.sanction?.text ?? null]);
    expect(rows).toEqual([
      ['两次', 'gte', '常务委员会组成人员', 'person', null],
      ['两次', 'gte', '常务委员会组成人员', null, '由主任会议进行约谈'],
      ['两年', 'gte', '常务委员会组成人员', null, '由主任会议进行约谈'],
      ['三次', 'gte', '常务委员会组成人员', null, null],
    ]);
  });

  it('a per-group word is no bearer (每组设召集人二至三人: jieba would join 每组设), and 由办公厅报告主任 names 办公厅, 报告 being its verb', () => {
    const text = '某市人民代表大会常务委员会议事规则\n第四条　常务委员会组成人员因病不能出席会议的，应当向主任请假；请假两次以上的，由办公厅报告主任。\n第六条　常务委员会分组会议由办公厅提出分组名单，每组设召集人二至三人。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null]);
    expect(rows).toEqual([['两次以上', '办公厅'], ['二至三人', '常务委员会分组会议']]);
  });

  it('an appointment rule (人事任免办法): 拟任命人员 bears the speech limit, a relative phrase after 经 is a subject, 未超过半数 is at most half and a vote is no bearer', () => {
    const text = '某市人民代表大会常务委员会人事任免办法\n第三条　拟任命人员应当到会作供职发言，供职发言时间一般不超过五分钟。\n第七条　经常务委员会任命的国家工作人员，应当在任命后一个月内进行宪法宣誓。\n第八条　常务委员会任命的人员，常务委员会可以组织评议。评议结果满意票未超过半数的，由主任会议约谈。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.actor?.text ?? null]);
    expect(rows).toEqual([
      ['五分钟', 'lte', '拟任命人员'],
      ['一个月内', 'lte', '经常务委员会任命的国家工作人员'],
      ['未超过半数', 'lte', null],
    ]);
  });

  it('a specialised-inquiry rule (专题询问办法): 应询单位 and 询问人 bear their limits; a condition after a main clause is a statement of its own', () => {
    const text = '某市人民代表大会常务委员会专题询问办法\n第五条　应询单位应当在常务委员会会议举行十日前，将有关报告送常务委员会办公室。\n第六条　专题询问时，询问人每次提问一般不超过三分钟。\n第九条　常务委员会认为必要时，可以对研究处理情况进行满意度测评，测评结果不满意票超过半数的，应询单位应当在两个月内重新报告。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.actor?.text, o.modality, o.condition?.text ?? null]);
    expect(rows).toEqual([
      ['十日前', '应询单位', 'should', null],
      ['三分钟', '询问人', 'should', null],
      ['超过半数', '应询单位', 'should', '测评结果不满意票超过半数的'],
      ['两个月内', '应询单位', 'should', '测评结果不满意票超过半数的'],
    ]);
  });

  it('a deputy-assessment rule (代表履职考核办法): the subject before 在…期间, 连续 ends a subject, a reminder talk is a sanction, a display period takes no event', () => {
    const text = '某区人民代表大会代表履职考核办法\n第五条　代表在区人民代表大会会议期间，应当提出建议、批评和意见不少于一件。\n第八条　代表无正当理由连续两次不参加代表小组活动的，由代表小组组长进行提醒谈话。\n第九条　考核结果应当在考核结束后三十日内通报代表本人，并在代表联络站公示，公示期不少于七日。\n';
    const rows = analyseString(text, loadRules()).doc.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.from?.text ?? null, o.sanction?.text ?? null]);
    expect(rows).toEqual([
      ['一件', '代表', null, null],
      ['两次', '代表', null, '由代表小组组长进行提醒谈话'],
      ['三十日内', null, '考核结束后', null],
      ['七日', null, null, null],
    ]);
  });

  it('主席团 is the subject of its size rule; 代表小组 of its quarterly activity (重庆 乡镇人大)', async () => {
    const size = await rule('38_chongqing_xiangzhen-renda_2016.txt', '由代表七人至十一人组成');
    expect([size.actor?.text, size.quantity!.min, size.quantity!.max, size.quantity!.measure]).toEqual(['乡、民族乡、镇人民代表大会主席团', 7, 11, 'size']);
    const group = await rule('38_chongqing_xiangzhen-renda_2016.txt', '代表小组每个季度至少开展一次活动');
    expect([group.actor?.text, group.period, group.per, group.quantity!.comparator, group.quantity!.measure]).toEqual(['代表小组', 'quarter', null, 'gte', 'frequency']);
  });

  it('有关机关、组织 bears a three-month feedback deadline (山东 实施代表法办法)', async () => {
    const o = await rule('25_shandong_daibiaofa-shishi_2015.txt', '有关机关、组织应当在三个月内');
    expect([o.actor?.text, o.modality, o.quantity!.measure]).toEqual(['有关机关、组织', 'should', 'deadline']);
  });

  it('a sentence that opens with a time clause has its bearer after it (山东 立法听证, 上海 议事规则, 山东 备案审查)', async () => {
    const hearing = await rule('22_shandong_lifa-tingzheng_2019.txt', '举行立法听证会十日前');
    expect([hearing.actor?.text, hearing.quantity!.value, hearing.quantity!.measure]).toEqual(['听证机构', 10, 'lead-time']);
    expect(await actorAt('07_shanghai_yishi-guize_2001.txt', '第八条 在市人民代表大会会议举行的一个月前')).toBe('市人民代表大会常务委员会');
    expect(await actorAt('24_shandong_beian-shencha_2017.txt', '规范性文件审查工作结束后十五日内')).toBe('人民代表大会有关专门委员会和常务委员会工作机构');
    // the subject inside the time clause is the event's (…人民代表大会会议举行的十日前，主席团…): the rule's comes after
    const notice = await rule('38_chongqing_xiangzhen-renda_2016.txt', '镇人民代表大会会议举行的十日前');
    expect([notice.actor?.text, notice.from?.text]).toEqual(['主席团', '会议举行的']);
    expect((await rule('33_henan_jiandu_2015.txt', '常务委员会办事机构应当在常务委员会举行会议的七日前')).from?.text).toBe('举行会议的');
    // 由 after a thing names the agent (质询案…由受质询机关在大会后三个月内…答复)
    expect(await actorAt('10_beijing_xiangzhen-renda_2016.txt', '由受质询机关在大会后三个月内')).toBe('受质询机关');
    // the hearing's speakers are bearers named with 人 (陈述人), not the staff of the sentence before
    expect(await actorAt('22_shandong_lifa-tingzheng_2019.txt', '陈述人可以在立法听证会结束后五日内')).toBe('陈述人');
  });

  it('每人 takes its bearer from the condition before it, and so do the speaking limits after it (北京 市人大议事规则 第四十九条, 第五十条)', async () => {
    const speech = rulesAfter(await reg('15_beijing_yishi-guize_2022.txt'), '第四十九条', 3);
    expect(speech.map((o) => [o.quantity!.raw, o.quantity!.measure, o.actor?.text])).toEqual([
      ['两次', 'count', '代表'], ['15分钟', 'duration', '代表'], ['5分钟', 'duration', '代表'],
    ]);
    // 每一代表 names its bearer itself (浙江 议事规则 第六十三条)
    expect(await actorAt('37_zhejiang_yishi-guize_1994.txt', '每一代表可以发言两次')).toBe('代表');
    // …and a condition whose subject proposed the bill (上海 代表议案 第十四条)
    expect(await actorAt('03_shanghai_daibiao-yian_nd.txt', '四小时前')).toBe('提出议案的代表');
  });

  it('the one a charging verb hands the work to bears what follows (河南 代表建议 2000, 北京 议事规则, 上海 代表议案)', async () => {
    expect(await actorAt('30_henan_daibiao-jianyi_2000.txt', '在三十日内答复代表')).toBe('有关承办单位');
    expect(await actorAt('03_shanghai_daibiao-yian_nd.txt', '并在一个月内向常务委员会提出再次办理情况的报告')).toBe('有关机关、组织');
    // 交付办理的代表 is no one charged
    expect(await actorAt('03_shanghai_daibiao-yian_nd.txt', '应当自交办之日起三个月内向常务委员会提出办理情况的报告')).toBe('本市有关机关、组织');
  });

  it('topics: a delegation that votes is not contact with deputies, nominees (人选) are elections, 选民接待日 is contact (北京 实施代表法办法, 上海 实施代表法办法, 河南 代表建议)', async () => {
    expect((await rule('19_beijing_daibiaofa-shishi_2014.txt', '第十条 市和区、县人民代表大会代表十人以上联名或者一个代表团')).topic).toBe('proposals');
    expect((await rule('19_beijing_daibiaofa-shishi_2014.txt', '第十二条 市和区、县人民代表大会会议期间，代表十人以上联名')).topic).toBe('supervision');
    expect((await rule('08_shanghai_daibiaofa-shishi_nd.txt', '十人以上联名，有权提出上一级人民代表大会代表的人选')).topic).toBe('elections');
    expect((await rule('19_beijing_daibiaofa-shishi_2014.txt', '参加选民接待日活动每年应当不少于两次')).topic).toBe('deputy-contact');
    expect((await rule('29_henan_daibiao-jianyi_2017.txt', '并在六个月内办理完毕并答复代表')).topic).toBe('proposals');
    // a committee's name (代表与选举任免工作委员会) is not an election
    expect((await rule('34_zhejiang_daibiao-jianyi_2016.txt', '在受理后的七天内通知代表')).topic).toBe('proposals');
  });

  it('an election\'s rules: a named day starts a lead time, 选举委员会 is one body, a margin of 三分之一至一倍, a share of the ballots (选举实施细则)', () => {
    const doc = analyseString('某省县、乡两级人民代表大会选举实施细则\n第一条 选举委员会对申诉意见，应当在三日内作出处理决定。\n第二条 代表候选人的人数应多于应选代表名额三分之一至一倍。\n第三条 选举委员会应当在选举日的十五日以前公布代表候选人名单。\n第四条 另行选举时，代表候选人获得的选票不得少于选票的三分之一。\n第五条 选举结果由选举委员会确定是否有效，并于选举日后五日内予以宣布。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.quantity?.comparator, o.quantity?.min ?? o.quantity?.value, o.quantity?.max ?? null, o.quantity?.measure, o.actor?.text ?? null, o.from?.text ?? null])).toEqual([
      ['三日内', 'lte', 3, null, 'deadline', '选举委员会', null],
      ['三分之一至一倍', 'range', 0.3333, 1, 'share', null, null],
      ['十五日以前', 'gte', 15, null, 'lead-time', '选举委员会', '选举日的'],
      ['三分之一', 'gte', 0.3333, null, 'share', '代表候选人', null],
      ['五日内', 'lte', 5, null, 'deadline', '选举委员会', '选举日后'],
    ]);
  });

  it('自 of 自治区 and 经 of 财政经济委员会 stop no subject (上海 人大议事规则 2001, 浙江 人大议事规则 1994)', async () => {
    expect((await reg('07_shanghai_yishi-guize_2001.txt')).obligations.filter((o) => !o.quantity && o.text.startsWith('每届市人民代表大会第一次会议，')).map((o) => o.actor?.text)).toEqual(['市人民代表大会会议', '财政经济委员会']);
    const doc = analyseString('广西壮族自治区人民代表大会代表建议办理规定\n第九条 自治区人民政府应当在常务委员会会议举行的十日前将报告送交常务委员会。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.actor?.text])).toEqual([['十日前', '自治区人民政府']]);
  });

  it('a level is no number in a subject (下一级, 县、乡两级); a comparator word ends one (河南 监督法办法 第五十四条, a 实施代表法办法-like sentence)', async () => {
    expect(await actorAt('33_henan_jiandu_2015.txt', '下一级人民代表大会及其常务委员会制定的规范性文件应当在公布后三十日内')).toBe('下一级人民代表大会及其常务委员会');
    const doc = analyseString('某省实施代表法办法\n第四条 县、乡两级人民代表大会代表应当每年至少一次向原选区选民报告履职情况。\n第八条 省人民代表大会代表的活动经费每人每年不低于三千元，县级人民代表大会代表不低于一千五百元。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.actor?.text ?? null])).toEqual([['一次', '县、乡两级人民代表大会代表'], ['三千元', null], ['一千五百元', '县级人民代表大会代表']]);
  });

  it('the decider a main clause names after a condition bears what it sets, not those the condition counts (上海 实施代表法办法 第十六条, 北京 and 重庆 乡镇人大)', async () => {
    expect(await actorAt('08_shanghai_daibiaofa-shishi_nd.txt', '代表半数以上对再次答复仍不满意')).toBe('主席团');
    expect(await actorAt('10_beijing_xiangzhen-renda_2016.txt', '提出质询案的代表半数以上对答复不满意')).toBe('主席团');
    expect(await actorAt('38_chongqing_xiangzhen-renda_2016.txt', '提出质询案的代表半数以上对答复不满意')).toBe('主席团');
  });

  it('a number in a condition with no subject binds the main clause\'s subject, unless the condition is a breach', () => {
    const doc = analyseString('某省立法条例\n第六十二条 法规实施满两年的，法规实施机关应当向常务委员会书面报告法规实施情况。\n第六十三条 承办单位逾期三个月未答复的，常务委员会应当督促办理。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.quantity?.measure, o.actor?.text ?? null])).toEqual([['两年', 'duration', '法规实施机关'], ['三个月', 'duration', '承办单位']]);
  });

  it('relative heads run over every head after them; a list may modify them; quotes and numerals inside names (北京 任免, 全国 组织法, 北京 执法检查)', async () => {
    expect(await actorAt('13_beijing_renmian_2007.txt', '出席会议的市人大常委会组成人员的过半数同意')).toBe('出席会议的市人大常委会组成人员');
    expect(await actorAt('48_national_zuzhifa_2022.txt', '设区的市的人民代表大会常务委员会组成人员五人以上联名')).toBe('省、自治区、直辖市、自治州、设区的市的人民代表大会常务委员会组成人员');
    expect(await actorAt('35_zhejiang_renmian_2018.txt', '人事任免案以省人大常委会全体组成人员过半数通过')).toBe('省人大常委会');
    expect(await actorAt('16_beijing_zhifa-jiancha_2007.txt', '“一府两院”应当于收到审议意见书后三个月内')).toBe('“一府两院”');
    expect(await actorAt('27_guangdong_renmian_2022.txt', '必须获得人民代表大会常务委员会全体组成人员过半数赞成')).toBe('人民代表大会常务委员会');
    // a head that is the subject of an inner clause (罢免由…人民代表大会选举的代表) is not the phrase's head: the congress after 由 is the agent
    expect(await actorAt('25_shandong_daibiaofa-shishi_2015.txt', '须经各该级人民代表大会过半数的代表通过')).toBe('县级以上的地方各级人民代表大会');
    // a list that runs on to a thing (…工作报告草稿等) is no bearer: the committee of the sentence before sends them
    expect(await actorAt('26_guangdong_yishi-guize_2022.txt', '一般应当于会议举行的二十日前')).toBe('省人民代表大会常务委员会');
  });
});

describe('a government work report', () => {
  it('place and issuer from the congress it reports to; targets, not statistics, under 主要目标; magnitudes and units', async () => {
    const doc = (await analyseFile(join(ROOT, 'tests', 'fixtures', 'docs', 'provincial-government-report.txt'))).doc;
    expect([doc.meta.title, doc.meta.docType, doc.meta.place.name, doc.meta.place.level, doc.meta.issuer]).toEqual(['政府工作报告', 'work-review', '青海省', 'province', '青海省人民政府']);
    const rows = [...doc.obligations, ...doc.statistics].filter((x) => x.quantity).sort((a, b) => a.span[0] - b.span[0])
      .map((x) => [x.kind, x.kind === 'obligation' ? x.modality : '', x.quantity!.raw, x.quantity!.value, x.quantity!.unit, x.quantity!.measure]);
    expect(rows).toEqual([
      ['statistic', '', '4.5%', 4.5, '%', 'percent'],
      ['statistic', '', '24.66万亿元', 24660000000000, '元', 'money'],
      ['statistic', '', '七亿七千多万吨', 770000000, '吨', 'other'],
      ['statistic', '', '23.1万张', 231000, '张', 'count'],
      ['statistic', '', '1.2万亿元', 1200000000000, '元', 'money'],
      ['obligation', 'target', '5%左右', 5, '%', 'percent'],
      ['obligation', 'target', '4.5%左右', 4.5, '%', 'percent'],
      ['obligation', 'target', '5.5%', 5.5, '%', 'percent'],
      ['obligation', 'target', '6万人', 60000, '人', 'count'],
    ]);
    // 过去五年, 五年累计 and “15分钟品质文化生活圈” are no quantities
    expect(rows.some((r) => r[2] === '五年' || r[2] === '15分钟')).toBe(false);
  });

  it('under the look back, 全年 is the period of a result and 控制在 states what was achieved; 5123.6亿元 is exact', () => {
    const text = '政府工作报告\n一、2023年工作回顾\n过去一年，全市地区生产总值达到5123.6亿元，同比增长5.8%。全年新增城镇就业12.6万人，城镇调查失业率控制在5.2%以内。\n二、2024年主要目标\n城镇新增就业11万人以上，城镇调查失业率控制在5.5%以内。\n';
    const doc = analyseString(text, loadRules()).doc;
    const rows = [...doc.obligations, ...doc.statistics].sort((a, b) => a.span[0] - b.span[0]).map((x) => [x.kind, x.quantity!.raw, x.quantity!.value]);
    expect(rows).toEqual([
      ['statistic', '5123.6亿元', 512360000000], ['statistic', '5.8%', 5.8], ['statistic', '12.6万人', 126000], ['statistic', '5.2%以内', 5.2],
      ['obligation', '11万人以上', 110000], ['obligation', '5.5%以内', 5.5],
    ]);
  });
});

describe('the numbered filters say why a number is not a quantity', () => {
  it('ordinal, every-period, day of month, reference period, quoted name, place name', async () => {
    const text = '关于加强自身建设的意见\n常委会每两个月召开会议，于6月13日召开第三次会议。过去五年，打造“15分钟品质文化生活圈”，九台区代表参加。\n';
    const a = await analyseBytes(Buffer.from(text, 'utf8'), 'filters.txt');
    expect(a.dropped.map((d) => [d.text, d.filter])).toEqual([
      ['两个月', 'F02-every-period'], ['13日', 'F10-day-of-month'], ['三次', 'F01-ordinal'], ['五年', 'F12-reference-period'], ['15分钟', 'F13-quoted-name'], ['九台', 'F06-place-name'],
    ]);
    expect([...a.doc.obligations, ...a.doc.statistics].filter((x) => x.quantity)).toEqual([]);
  });

  it('请假一次超过三天 is three days at a time; the one who approves bears the threshold, as 主席团 does in the gold (上海 实施代表法办法 第十六条)', async () => {
    const text = '某市人民代表大会常务委员会组成人员守则\n第三条 组成人员应当按时出席常务委员会会议。因病或者其他特殊原因不能出席的，应当提前向主任请假。请假一次超过三天的，由主任批准。\n';
    const a = await analyseBytes(Buffer.from(text, 'utf8'), 'rules.txt');
    expect(a.dropped.map((d) => [d.text, d.filter])).toContainEqual(['一次', 'F17-at-a-time']);
    expect(a.doc.obligations.filter((o) => o.quantity).map((o) => [o.quantity!.raw, o.quantity!.comparator, o.quantity!.measure, o.actor?.text])).toEqual([['三天', 'gt', 'duration', '主任']]);
  });
});
