import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFile, analyseString } from '../../src/pipeline.js';
import { loadRules } from '../../src/packs/index.js';
import { quantityText } from '../../src/render/quantity-text.js';
import { ROOT } from '../helpers.js';

// Documents written for these tests in the style of other places' texts, to check the rules generalise.
const doc = async (name: string) => (await analyseFile(join(ROOT, 'tests', 'fixtures', 'docs', name))).doc;
const rows = (d: Awaited<ReturnType<typeof doc>>) => [...d.obligations, ...d.statistics]
  .filter((x) => x.quantity)
  .map((x) => `${x.kind[0]} ${x.topic} ${quantityText(x.quantity)}${x.kind === 'obligation' && x.per ? ' per ' + x.per : ''}${x.period ? ' /' + x.period : ''}`);

describe('documents from other places', () => {
  it('a year\'s plan (工作要点) has its title and its numbers are targets; a 工作规程 is rules', () => {
    const rules = loadRules();
    const plan = analyseString('某某市人大常委会2024年工作要点\n一、常务委员会全年计划召开会议8次。\n', rules).doc;
    expect([plan.meta.title, plan.meta.docType, plan.obligations.map((o) => [o.quantity?.raw, o.modality])]).toEqual(['某某市人大常委会2024年工作要点', 'other', [['8次', 'target']]]);
    const code = analyseString('某某市人大常委会工作规程\n第一条 常务委员会会议每两个月至少举行一次。\n', rules).doc;
    expect([code.meta.title, code.meta.docType, code.obligations.map((o) => [o.quantity?.raw, o.period])]).toEqual(['某某市人大常委会工作规程', 'rules', [['一次', '2-month']]]);
  });

  it('a year\'s plan sets targets in every clause of a section, 达到100% included; a rate is no bearer; 必要时可以 is not the rule\'s modal', () => {
    const rules = loadRules();
    const plan = analyseString('某县人大常委会2024年工作要点\n二、依法履行监督职责\n全年计划听取和审议县人民政府专项工作报告6项，开展执法检查3次，专题询问1次。\n代表建议办结率达到100%，代表满意率保持在95%以上。\n', rules).doc;
    expect(plan.statistics).toEqual([]);
    expect(plan.obligations.map((o) => [o.quantity!.raw, o.modality, o.actor?.text ?? null])).toEqual([
      ['6项', 'target', null], ['3次', 'target', null], ['1次', 'target', null], ['100%', 'target', null], ['95%以上', 'target', null],
    ]);
    const meeting = analyseString('某市人民代表大会常务委员会主任会议议事规则\n第三条　主任会议一般每半月举行一次，必要时可以随时举行。\n', rules).doc;
    expect(meeting.obligations.map((o) => [o.quantity!.raw, o.period, o.modality, o.hedged])).toEqual([['一次', 'half-month', 'should', true]]);
  });

  it('a regulation with 第X条 articles: thresholds, ranges, frequencies', async () => {
    const d = await doc('luoyang-rules.txt');
    expect([d.meta.docType, d.meta.place.name, d.meta.adoptedOn]).toEqual(['rules', '洛阳市', '2021-12-28']);
    expect(rows(d)).toEqual([
      'o attendance-discipline ≥2 次 /year',
      'o attendance-discipline ≥3 次',
      'o committee-meeting ≥1 次 /2-month',
      'o committee-meeting 1 次 /half-month',
      'o research-inspection ≥2 次 per person /year',
      'o research-inspection ≥1 篇 per person /year',
      'o deputy-contact 2–3 名 per person',
      'o deputy-contact ≥1 次 per person /quarter',
      'o supervision 6–8 项 /year',
      'o research-inspection 3–5 项 /year',
      'o supervision 1–2 次 /year',
      'o proposals >0.5',
      'o study-training ≥40 学时 /year',
      'o study-training ≥6 次 per person /year',
    ]);
    expect(d.obligations.find((o) => o.quantity?.raw === '三次')!.sanction?.text).toBe('建议其辞去常委会组成人员职务');
    // …两次以上的，由主任会议予以批评；连续三次无故缺席的: parallel conditions share who they are about
    expect(d.obligations.filter((o) => o.quantity?.raw === '两次以上' || o.quantity?.raw === '三次').map((o) => o.actor?.text)).toEqual(['常委会组成人员', '常委会组成人员']);
  });

  it('a work report: counts, magnitudes, percentage points; 过去一年 is not a quantity', async () => {
    const d = await doc('linyi-report.txt');
    expect([d.meta.title, d.meta.docType]).toEqual(['临沂市人大常委会2022年工作报告', 'work-review']);
    const r = rows(d);
    // 过去一年 is the period the sentence reports on
    expect(r.slice(0, 4)).toEqual(['s committee-meeting 8 次 /过去一年', 's committee-meeting 26 次 /过去一年', 's legislation 3 部 /过去一年', 's supervision 12 项 /过去一年']);
    // 全年 opens the sentence: the change against 上年 is reported for the whole year
    expect(r).toContain('s proposals 2.3 百分点 /全年');
    expect(r).toContain('s research-inspection 15000 人次');
    expect(r).toContain('s research-inspection ≈1200 次');
    expect(r.some((x) => x.endsWith(' 1 年'))).toBe(false);
  });

  it('a five-year review: 过去五年 is the period of the statistics in its sentence', () => {
    const text = '某市人民代表大会常务委员会工作报告\n\n过去五年，常委会共制定地方性法规32件，修改15件，废止3件。听取审议专项工作报告86个。\n';
    const d = analyseString(text, loadRules()).doc;
    expect(d.statistics.map((s) => [s.quantity!.raw, s.period])).toEqual([['32件', '过去五年'], ['15件', '过去五年'], ['3件', '过去五年'], ['86个', null]]);
  });

  it('a decision whose rules stand in its 一、 sections: the label is not the subject; 每年… opens no subject', () => {
    const text = '某市人民代表大会常务委员会关于进一步发挥人大代表作用的决定\n\n一、常委会组成人员每人至少联系3名市人大代表，每年与所联系代表见面不少于2次。\n二、每年组织代表开展集中视察不少于2次。\n';
    const d = analyseString(text, loadRules()).doc;
    expect(d.obligations.map((o) => [o.article, o.quantity!.raw, o.actor?.text ?? null])).toEqual([
      ['一', '3名', '常委会组成人员'], ['一', '2次', '常委会组成人员'], ['二', '2次', null],
    ]);
  });

  it('how long a session or a speech lasts is a duration, not a deadline: 会期原则上不超过三天, 每次发言至多十分钟', () => {
    const d = analyseString('某市人大代表工作规定\n\n第三条 会期原则上不超过三天。\n第七条 每次发言至多十分钟。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.quantity!.measure, o.hedged])).toEqual([['三天', 'lte', 'duration', true], ['十分钟', 'lte', 'duration', false]]);
  });

  it('half a time unit is a number: 半个月内, 会议开始前半小时; 每半年 stays a period', () => {
    const d = analyseString('某市代表建议办理规定\n\n第二条 承办单位应当在半个月内答复。\n第四条 会议一般每半年举行一次。\n第九条 代表应当在会议开始前半小时到会。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.value, o.quantity!.comparator, o.quantity!.measure, o.period])).toEqual([
      ['半个月内', 0.5, 'lte', 'deadline', null], ['一次', 1, 'eq', 'frequency', 'half-year'], ['半小时', 0.5, 'gte', 'lead-time', null],
    ]);
  });

  it('a news page: furniture, caption and headline; full-width digits', async () => {
    const d = await doc('ningxiang-news.txt');
    expect([d.meta.title, d.meta.docType, d.meta.publishedOn]).toEqual(['宁乡市人大常委会召开代表工作座谈会', 'news', '2023-06-12']);
    expect(d.boilerplate.map((b) => b.reason)).toEqual(['breadcrumb', 'page-furniture', 'page-furniture', 'photo-caption', 'page-furniture', 'page-furniture']);
    expect(rows(d)).toEqual([
      'o deputy-activities ≥1 次 /quarter',
      'o deputy-activities ≥2 次 per person /year',
      'o reception ≥1 次 per unit /month',
      's deputy-activities 29 个 /今年',
      's deputy-activities 215 场次 /今年',
      's proposals ≈860 条 /今年',
      's deputy-activities 431 个 /今年',
    ]);
  });

  it('a decision with （一） items under 一、 sections', async () => {
    const d = await doc('jiujiang-decision.txt');
    expect(d.structure.map((s) => [s.label, s.articles.map((a) => a.label)])).toEqual([['一', ['一', '二']], ['二', ['一', '二', '三']], ['三', ['一', '二']]]);
    expect(rows(d)).toEqual([
      'o deputy-activities ≥1 个 per unit',
      'o deputy-contact ≥4 次 per person /year', 'o deputy-contact ≥0.5 天 /occasion',
      'o deputy-activities ≥1 次 /year',
      'o deputy-activities ≥20000 元 per unit /year',
    ]);
    // 进站代表 (deputies stationed at a liaison station) bear their rules
    expect(d.obligations.filter((o) => o.quantity?.raw === '4次').map((o) => o.actor?.text)).toEqual(['进站代表']);
    expect(d.namedNumbers.map((n) => n.text)).toEqual(['六有']);
    // 市、县两级财政每年安排…经费，每个联络站不低于2万元: the station is what is allotted, the budget pays
    expect(d.obligations.filter((o) => o.text.includes('财政每年安排') || o.quantity?.raw === '2万元').map((o) => o.actor?.text)).toEqual(['市、县两级财政', '市、县两级财政']);
  });
});

describe('a speech that reports and sets rules', () => {
  it('reports are statistics, 要求/应当 sentences are rules; 二季度 and 十四届…一次会议 are ordinals', async () => {
    const d = await doc('speech-session.txt');
    expect([d.meta.docType, d.meta.title]).toEqual(['speech', '在市十七届人大常委会第一次会议上的讲话']);
    expect(rows(d)).toEqual([
      'o committee-meeting 1 次 /month',
      'o research-inspection ≥1 次 /year',
      'o proposals ≤3 个月',
      'o reception ≤15 日',
      's committee-meeting 12 次 /全年',
      's committee-meeting 7 次 /全年',
      's supervision 58 项 /全年',
      's study-training 3 期',
      's study-training ≈500 人次',
      's legislation 2 部',
      's legislation 37 个',
      's proposals 12 条',
      's research-inspection ≥5 天',
      's research-inspection 15 篇',
    ]);
    expect(d.namedNumbers.map((n) => n.text)).toEqual(['一府一委两院']);
  });
});

describe('an opinion with doubled comparators and a cumulative threshold', () => {
  it('至少…以上, 一般不少于, 累计超过…的 → 约谈, 每届', async () => {
    const d = await doc('kunshan-opinion.txt');
    expect(rows(d)).toEqual([
      'o deputy-contact ≥2 名 per person /year',
      'o deputy-contact ≥5 人次 per person /year',
      'o supervision ≥2 项 /year',
      'o supervision 1 次 /half-year',
      'o research-inspection ≥3 次 per person /year',
      'o committee-meeting ≥2/3',
      'o attendance-discipline >3 次 /year',
      'o proposals ≥100 %',
      'o proposals ≥95 %',
      'o committee-meeting 1 次 /quarter',
      'o supervision ≥1 次 /term',
    ]);
    expect(d.obligations.find((o) => o.quantity?.raw === '3次' && o.topic === 'attendance-discipline')!.sanction?.text).toBe('由主任会议进行约谈');
  });
});

describe('a standing committee\'s work report', () => {
  it('a per-person rule in one clause does not make the next clause\'s yearly figure a rule (每人联系2至3名基层代表，全年走访代表460余人次)', () => {
    const text = '某市人民代表大会常务委员会工作报告\n一、过去一年的主要工作\n常委会组成人员每人联系2至3名基层代表，全年走访代表460余人次。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity!.raw, o.per])).toEqual([['2至3名', 'person']]);
    expect(doc.statistics.map((s) => [s.quantity.raw, s.quantity.approx, s.period])).toEqual([['460余人次', true, '全年']]);
  });
});

describe('a report on the handling of suggestions', () => {
  it('列入计划逐步解决的131件 is a category of the report, not a plan', () => {
    const text = '关于市十七届人大三次会议代表建议办理情况的报告\n代表共提出建议386件，其中，所提问题已经解决的214件，占55.4%；列入计划逐步解决的131件，占33.9%。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect(doc.obligations).toEqual([]);
    expect(doc.statistics.map((s) => s.quantity.raw)).toEqual(['386件', '214件', '55.4%', '131件', '33.9%']);
  });
  it('a modal inside the 的-phrase that names what a figure counts is no rule (因条件限制暂时不能解决的17件); the categories are proposals', () => {
    const d = analyseString('某区人民政府关于2023年度代表建议办理情况的报告\n一、基本情况\n其中，所提问题已经解决或基本解决的98件，占61.3%；因条件限制暂时不能解决的17件，占10.6%。\n', loadRules()).doc;
    expect([d.obligations.length, d.statistics.map((x) => [x.quantity!.raw, x.topic])]).toEqual([0, [['98件', 'proposals'], ['61.3%', 'proposals'], ['17件', 'proposals'], ['10.6%', 'proposals']]]);
  });
});

describe('a supervision plan', () => {
  it('共 of 中华人民共和国 is no report marker: a plan\'s limit in a sentence that cites a law stays a target', () => {
    const text = '某市人大常委会2024年度监督工作计划\n二、执法检查\n3.对《中华人民共和国食品安全法》实施情况开展执法检查（4月至6月），检查组成员不少于9人。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect(doc.statistics).toEqual([]);
    expect(doc.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.modality])).toEqual([['9人', 'gte', 'target']]);
  });
});

describe('approximate figures in a report', () => {
  it('上百次, 上千条, 近百人 are approximate counts; 上一届 is no approximation, 数十件 stays vague', () => {
    const text = '某县人民代表大会常务委员会工作报告\n一、过去一年的主要工作\n全年开展调研上百次，征集意见上千条，组织代表近百人参加视察。上一届代表收到来信数十件。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect(doc.statistics.map((s) => [s.quantity.raw, s.quantity.value, s.quantity.approx])).toEqual([
      ['上百次', 100, true], ['上千条', 1000, true], ['近百人', 100, true],
    ]);
  });
});

describe('a speech that announces its parts', () => {
  it('抓好三个方面的工作 counts no quantity; 至少 reaches over the act it qualifies (每年至少到…参加活动两次)', () => {
    const text = '在全市人大代表工作座谈会上的发言\n下一步，我们要重点抓好三个方面的工作。第二，常委会组成人员每年至少到联系的代表联络站参加活动两次。\n';
    const doc = analyseString(text, loadRules()).doc;
    expect([...doc.obligations, ...doc.statistics].map((x) => [x.quantity!.raw, x.quantity!.comparator, x.kind])).toEqual([['两次', 'gte', 'obligation']]);
  });
});

describe('a work report plans as well as reports', () => {
  it('今年要审议… is a plan (an obligation), 今年审议… a report (a statistic of this year)', () => {
    const doc = analyseString('某市人民代表大会常务委员会工作报告\n今年要审议法规案10件左右。今年审议法规案12件。\n', loadRules()).doc;
    expect(doc.obligations.map((o) => [o.quantity?.raw, o.modality])).toEqual([['10件左右', 'should']]);
    expect(doc.statistics.map((s) => [s.quantity.raw, s.period])).toEqual([['12件', '今年']]);
  });
});

describe('a party group\'s opinion', () => {
  it('中共 is no part of the place; 某某市 is a redacted place; a study group bears its own rules; 十四五 names 14 and 5', () => {
    const text = '中共某某市人大常委会党组关于加强新时代市人大常委会自身建设的意见\n一、加强政治建设\n1.加强理论武装。常委会党组理论学习中心组每季度集中学习不少于1次，落实“十四五”规划。\n';
    const d = analyseString(text, loadRules()).doc;
    expect([d.meta.docType, d.meta.place.name, d.meta.place.redacted]).toEqual(['opinion', null, true]);
    expect(d.obligations.map((o) => [o.quantity?.raw, o.actor?.text, o.period])).toEqual([['1次', '常委会党组理论学习中心组', 'quarter']]);
    expect(d.namedNumbers.map((n) => [n.text, n.numbers])).toEqual([['十四五', [14, 5]]]);
  });
});

describe('election, petition, hearing and budget rules', () => {
  const frame = (text: string) => analyseString(`某市人民代表大会常务委员会某某办法\n第一条　${text}\n`, loadRules()).doc.obligations
    .map((o) => [o.quantity?.raw ?? o.frequency, o.quantity?.comparator ?? null, o.quantity?.measure ?? null, o.actor?.text ?? null, o.modality, o.from?.text ?? null]);

  it('an office named by what it does bears a rule after its time clause (信访工作机构收到…后，应当…)', () => {
    expect(frame('信访工作机构收到信访事项后，应当在十五日内区分情况予以登记、转交或者告知。')).toEqual([['十五日内', 'lte', 'deadline', '信访工作机构', 'should', '收到信访事项后']]);
  });

  it('申诉人, 信访人 and 领导同志 bear rules; a list of voters (选民名单) is a thing and bears none', () => {
    expect(frame('申诉人如果对处理决定不服，可以在选举日的五日以前向人民法院起诉。')).toEqual([['五日以前', 'gte', 'lead-time', '申诉人', 'may', '选举日的']]);
    expect(frame('信访人对处理意见不服的，可以自收到书面答复之日起三十日内请求复查。')).toEqual([['三十日内', 'lte', 'deadline', '信访人', 'may', '自收到书面答复之日起']]);
    expect(frame('常委会领导同志每季度至少接待来访群众一次。')).toEqual([['一次', 'gte', 'frequency', '常委会领导同志', 'must', null]]);
    expect(frame('选民名单应当在选举日的二十日以前公布。')).toEqual([['二十日以前', 'gte', 'lead-time', null, 'should', '选举日的']]);
  });

  it('获得 ends a subject, 候选人数 is no 候选人; the counted agents after 由 bear what they do; the starting event never reaches back over the modal', () => {
    expect(frame('代表候选人获得参加投票的选民过半数的选票时，始得当选。')[0]![3]).toBe('代表候选人');
    expect(frame('副主席、副乡长、副镇长的候选人数应比应选人数多一至三人。')[0]![3]).toBe(null);
    // a thing after the relative phrase that holds the number (…的当选人数) takes no bearer from the sentence before
    expect(frame('候选人获得全体代表过半数的选票时，始得当选。获得过半数选票的当选人数少于应选名额时，不足的名额另行选举。').map((r) => r[3])).toEqual(['候选人', null]);
    expect(frame('本市出席全国人民代表大会代表的候选人，可以由各政党、各人民团体联合或者单独推荐，也可以由代表10人以上联名推荐。')).toEqual([['10人以上', 'gte', 'count', '代表', 'may', null]]);
    expect(frame('收到复查请求的机关应当自收到复查请求之日起三十日内提出复查意见。')).toEqual([['三十日内', 'lte', 'deadline', '收到复查请求的机关', 'should', '自收到复查请求之日起']]);
    // the end of an activity starts a time limit
    expect(frame('视察结束后七日内，视察组应当形成视察报告。')).toEqual([['七日内', 'lte', 'deadline', '视察组', 'should', '视察结束后']]);
  });

  it('初步审查前十五日 is a lead time; 二十分钟以内 of a report\'s time is a duration; an approval before a later modal keeps it that clause\'s, and a cap after 但 is no permission', () => {
    expect(frame('预算工作机构应当在财政经济委员会初步审查前十五日，组织代表和专家进行座谈。')).toEqual([['十五日', 'gte', 'lead-time', '预算工作机构', 'should', null]]);
    expect(frame('代表述职报告的时间一般控制在二十分钟以内。').map((r) => r.slice(0, 3))).toEqual([['二十分钟以内', 'lte', 'duration']]);
    expect(frame('陈述人每次发言时间一般不超过十分钟，经听证主持人同意可以适当延长，但延长时间不超过五分钟。').map((r) => [r[0], r[3], r[4]])).toEqual([['十分钟', '陈述人', 'should'], ['五分钟', '陈述人', 'should']]);
  });

  it('a condition after a plain main clause bears its main clause\'s bearer (常委会…进行满意度测评，…不满意的票数超过…半数的，有关机关应当…); 会期 takes no period from the clause before', () => {
    expect(frame('常委会对研究处理情况报告进行满意度测评，测评意见为不满意的票数超过常委会组成人员半数的，有关机关应当在三个月内重新研究处理。').map((r) => [r[0], r[3]])).toEqual([['半数', '有关机关'], ['三个月内', '有关机关']]);
    const rules = loadRules();
    const d = analyseString('某省乡镇人民代表大会工作条例\n第三条　乡镇人民代表大会会议一般每年举行两次，会期一般不少于一天。\n', rules).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.measure, o.period])).toEqual([['两次', 'frequency', 'year'], ['一天', 'duration', null]]);
  });

  it('a chain of sentences that open with a condition is about the one the first condition names; an office\'s notice is a sanction; 不出席 is attendance', () => {
    const rules = loadRules();
    const d = analyseString('某省人民代表大会常务委员会组成人员守则\n三、常委会组成人员一年内无正当理由累计三次不出席常委会会议的，由主任会议对其进行批评教育；连续两次不出席常委会会议的，由常委会办公厅通报；一年内累计四次不出席的，主任会议应当建议其辞去常委会组成人员职务。\n', rules).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.sanction?.text ?? null, o.topic])).toEqual([
      ['三次', '常委会组成人员', '由主任会议对其进行批评教育', 'attendance-discipline'],
      ['两次', '常委会组成人员', '由常委会办公厅通报', 'attendance-discipline'],
      ['四次', '常委会组成人员', '主任会议应当建议其辞去常委会组成人员职务', 'attendance-discipline'],
    ]);
  });

  it('an announcement before the text (…已经武汉市第十五届人民代表大会常务委员会…通过) names the place, not 经武汉市', () => {
    const text = '武汉市人民代表大会常务委员会公告\n（第十二号）\n《武汉市人民代表大会常务委员会关于加强代表履职管理的规定》已经武汉市第十五届人民代表大会常务委员会第三十九次会议于2022年3月24日通过，现予公布，自2022年5月1日起施行。\n武汉市人民代表大会常务委员会关于加强代表履职管理的规定\n第一条　代表每年参加代表小组活动不少于四次。\n';
    const m = analyseString(text, loadRules()).doc.meta;
    expect([m.place.name, m.place.level, m.issuer, m.effectiveOn]).toEqual(['武汉市', 'city', '武汉市人民代表大会常务委员会', '2022-05-01']);
  });

  it('a score in points (考核办法) is a quantity; 十分 (very), 一分为二 and a time of day are not', () => {
    const rules = loadRules();
    const d = analyseString('某区人大代表履职考核办法\n第八条　考核得分在九十分以上的为优秀，七十分以上不满九十分的为称职，不满六十分的为不称职。\n第九条　这项工作十分重要，要一分为二地看待，会议于下午3时30分召开。\n', rules).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.quantity!.value, o.quantity!.unit, o.quantity!.measure])).toEqual([
      ['九十分以上', 'gte', 90, '分', 'other'], ['七十分以上', 'gte', 70, '分', 'other'], ['九十分', 'lt', 90, '分', 'other'], ['六十分', 'lt', 60, '分', 'other'],
    ]);
  });

  it('an item of a list takes the lead-in\'s bearer from a later clause and its modal; 一般公共预算 hedges nothing', () => {
    const d = analyseString('某市人民代表大会常务委员会讨论决定重大事项的规定\n第二条　下列重大事项，市人民政府应当在作出决定前向常务委员会报告：\n（一）总投资额在五亿元以上的政府投资项目；\n（二）一次性支出超过市级一般公共预算支出百分之三的事项。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.modality, o.hedged, o.topic])).toEqual([
      ['五亿元以上', '市人民政府', 'should', false, 'supervision'], ['百分之三', '市人民政府', 'should', false, 'supervision'],
    ]);
  });

  it('a sentence after a semicolon takes its topic from the one it continues when its own words name none', () => {
    const d = analyseString('某省实施代表法办法\n第二十八条　代表执行代表职务占用的工作时间，省、设区的市的人民代表大会代表一般为每年二十天；县、乡两级人民代表大会代表一般为每年十五天。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.topic])).toEqual([['二十天', 'deputy-activities'], ['十五天', 'deputy-activities']]);
  });

  it('a clause that only co-signs takes its topic from its sentence, which names what is co-signed', () => {
    const d = analyseString('某市人民代表大会常务委员会人事任免办法\n第二十七条　市人大常委会主任会议、市人大常委会五分之一以上的组成人员书面联名，可以向常委会提出对市人民政府组成人员的撤职案。\n第二十八条　代表十人以上联名提出的议案，由主席团决定是否列入会议议程。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.topic])).toEqual([['五分之一以上', 'supervision'], ['十人以上', 'proposals']]);
  });

  it('the explanation of a draft is a speech, not a draft; a regulation that names 预算草案 is no draft; （草案修改稿） marks one', () => {
    const rules = loadRules();
    const meta = (text: string) => { const m = analyseString(text, rules).doc.meta; return [m.title, m.docType, m.draft]; };
    expect(meta('关于《某市人民代表大会常务委员会讨论决定重大事项规定（草案）》的说明\n——2020年8月27日在市十五届人大常委会第三十一次会议上\n草案共二十条，主要规定了以下内容。\n'))
      .toEqual(['关于《某市人民代表大会常务委员会讨论决定重大事项规定（草案）》的说明', 'speech', false]);
    expect(meta('某市人民代表大会常务委员会预算审查监督条例\n第三条　财政部门应当在会议举行的四十五日前，将预算草案的初步方案提交财政经济委员会。\n')[2]).toBe(false);
    expect(meta('某自治县人民代表大会常务委员会议事规则\n（草案修改稿）\n第二条　常务委员会会议一般每两个月举行一次。\n')[2]).toBe(true);
  });

  it('a research report\'s recommendations are rules: the one it recommends acts (建议市政府…), a modal before the cue\'s verb (应当达到) states a target', () => {
    const d = analyseString('关于全市养老服务体系建设情况的调研报告\n三、意见建议\n（一）加大财政投入。建议市政府每年安排养老服务专项资金不少于5000万元。\n（二）提高护理型床位比例。到2025年，护理型床位占比应当达到55%以上。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.modality])).toEqual([['5000万元', '市政府', 'should'], ['55%以上', null, 'target']]);
    expect(d.statistics).toEqual([]);
  });

  it('a decision\'s figures after 预期目标： are targets; last year\'s figures stay statistics', () => {
    const d = analyseString('某市第十七届人民代表大会第三次会议关于2024年国民经济和社会发展计划的决议\n2023年，全市地区生产总值增长6.2%。\n会议同意2024年经济社会发展的主要预期目标：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。\n', loadRules()).doc;
    expect([d.statistics.map((x) => x.quantity!.raw), d.obligations.map((o) => [o.quantity!.raw, o.modality])]).toEqual([['6.2%'], [['6%左右', 'target'], ['5%', 'target'], ['5.5%以内', 'target']]]);
  });

  it('a sentence that opens with the year it aims at (到2025年，) sets targets; 党委 bears a rule; an item heading that opens with 健全 names no bearer', () => {
    const d = analyseString('中共某省委关于新时代加强和改进人大工作的实施意见\n一、总体要求\n到2025年，全省各级人大代表联络站实现全覆盖，代表建议办结率保持100%，代表满意率达到95%以上。\n二、主要任务\n（一）健全人大讨论决定重大事项制度。各级党委每年至少听取一次同级人大常委会党组工作汇报。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.modality])).toEqual([['100%', 'target'], ['95%以上', 'target'], ['一次', 'should']]);
    expect(d.obligations[2]!.actor?.text).toBe('各级党委');
  });

  it('a contact point (联系点) and its liaison (联络员) bear rules; 有… opens no subject; a clause that names the whole it sizes takes no period', () => {
    const d = analyseString('某市人民代表大会常务委员会基层立法联系点工作规定\n第四条　联系点应当具备下列条件：\n（二）有专门的工作人员，其中联络员不少于二名；\n第五条　常委会每届调整联系点一次，联系点数量一般控制在二十个以内。\n第七条　联系点每年组织开展立法调研活动不少于二次。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.measure, o.period, o.actor?.text ?? null])).toEqual([
      ['二名', 'count', null, '联络员'], ['一次', 'frequency', 'term', '常委会'], ['二十个以内', 'count', null, '常委会'], ['二次', 'frequency', 'year', '联系点'],
    ]);
  });

  it('由X组织 names X, 组织 being the verb; 下一次 counts nothing in a time limit; 连续两年…不合格的 is a threshold', () => {
    const d = analyseString('某市人民代表大会常务委员会任命人员任前法律知识考试和宪法宣誓办法\n第三条　考试由常委会人事代表工作委员会组织，每年组织考试不少于两次。\n第六条　拟任命人员因特殊原因不能参加考试的，应当提前三日向人事代表工作委员会书面请假。\n第九条　因故未能参加宣誓仪式的，应当在三个月内参加下一次宣誓仪式。\n第十条　连续两年考评不合格的，由主任会议撤销其联系点资格。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.actor?.text ?? null, o.sanction?.text ?? null])).toEqual([
      ['两次', 'gte', '常委会人事代表工作委员会', null], ['三日', 'gte', '拟任命人员', null], ['三个月内', 'lte', null, null], ['两年', 'gte', null, '由主任会议撤销其联系点资格'],
    ]);
  });

  it('一届任期内 is a per-term period, 每天 a daily one; 列席代表 bear rules; a deputy\'s 误工 allowance is deputy protection', () => {
    const d = analyseString('某市人民代表大会常务委员会邀请人大代表列席常委会会议办法\n第四条　每位代表在一届任期内一般应当列席常委会会议一次以上。\n第五条　列席代表因故不能出席会议的，应当在会议举行两日前向常委会办公室请假。\n第八条　列席代表每人每天补助交通误工费一百元，所需经费列入常委会办公经费。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.measure, o.period, o.per, o.actor?.text ?? null, o.topic])).toEqual([
      ['一次以上', 'frequency', 'term', 'person', '代表', 'committee-meeting'],
      ['两日前', 'lead-time', null, null, '列席代表', 'attendance-discipline'],
      ['一百元', 'money', 'day', 'person', '列席代表', 'deputy-protection'],
    ]);
  });

  it('举行的前一天 and 闭幕前三日 are lead times; a relative phrase that closes the sentence is its object; voters bear a recall by voters', () => {
    const d = analyseString('某省人民代表大会常务委员会质询办法\n第三条　质询案应当在常务委员会全体会议举行的前一天提交。\n第四条　质询案以书面答复的，应当由受质询机关的负责人签署，并在会议闭幕前三日送达提质询案的组成人员。\n第六条　罢免由选民直接选出的代表，须经原选区过半数的选民通过。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.comparator, o.quantity!.measure, o.from?.text ?? null, o.actor?.text ?? null])).toEqual([
      ['一天', 'gte', 'lead-time', '会议举行的', null], ['三日', 'gte', 'lead-time', '会议闭幕', null],
      ['过半数', 'gt', 'share', null, '选民'],
    ]);
  });

  it('比上年 is the base a change is measured from, not the period a figure covers', () => {
    const d = analyseString('某市人民代表大会常务委员会工作报告\n一、2023年主要工作\n（二）强化监督实效。全市一般公共预算收入完成152.3亿元，同比增长8.1%；民生支出占比达到78.5%，比上年提高1.2个百分点。\n', loadRules()).doc;
    expect(d.statistics.map((s) => [s.quantity!.raw, s.metric, s.period])).toEqual([
      ['152.3亿元', '全市一般公共预算收入', null], ['8.1%', null, null], ['78.5%', '民生支出占比', null], ['1.2个百分点', null, null],
    ]);
  });

  it('a party group\'s opinion (中共…人大常委会党组 / 关于…) is titled in full and issued by the party group', () => {
    const m = analyseString('中共北京市西城区人大常委会党组\n关于加强常委会自身建设的实施意见\n\n西人常党〔2022〕5号\n\n一、常委会组成人员每年至少参加两次代表小组活动。\n', loadRules()).doc.meta;
    expect([m.title, m.issuer, m.place.name, m.docType]).toEqual(['中共北京市西城区人大常委会党组关于加强常委会自身建设的实施意见', '中共北京市西城区人民代表大会常务委员会党组', '西城区', 'opinion']);
  });

  it('a later clause that opens with 并 and its own modal keeps the modal (并可以…测评); the end of the handling starts a time limit', () => {
    const d = analyseString('某省人民代表大会代表建议、批评和意见办理工作办法\n第十二条　常务委员会每年至少听取一次省人民政府关于代表建议办理情况的报告，并可以对报告进行满意度测评。\n第十四条　代表建议办理情况应当在办理完毕后三个月内向社会公开，涉及国家秘密的除外。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.modality, o.from?.text ?? null])).toEqual([['一次', 'must', null], ['三个月内', 'should', '办理完毕后']]);
  });

  it('a plain text whose headline is followed by a news lead (11月28日，) is news; 应到 and 应选 are no modals; a date is no period', () => {
    const d = analyseString('市人大常委会召开第十二次会议\n\n11月28日，市十六届人大常委会召开第十二次会议。会议应到组成人员35人，实到31人，符合法定人数。\n会议表决通过了《某某市养犬管理条例》，该条例共六章四十二条，将于2024年3月1日起施行。\n', loadRules()).doc;
    expect([d.meta.title, d.meta.docType]).toEqual(['市人大常委会召开第十二次会议', 'news']);
    expect(d.obligations).toEqual([]);
    expect(d.statistics.map((s) => [s.quantity!.raw, s.period])).toEqual([['35人', null], ['31人', null], ['四十二条', null]]);
    const r = analyseString('某省人民代表大会议事规则\n第三十条　获得过半数选票的当选人数少于应选名额时，不足的名额另行选举。\n', loadRules()).doc;
    expect(r.obligations.map((o) => o.modality)).toEqual(['must']);
  });

  it('财经委 bears a rule; 并在初步审查后十日内 runs from the review; a head before 人数 is counted, not acting; 年度计划草案 is no period', () => {
    const d = analyseString('某市国民经济和社会发展计划审查监督条例\n第二条　市人民政府应当在市人民代表大会会议举行的四十五日前，将年度计划草案的初步方案提交财经委进行初步审查。\n第三条　财经委应当在市人民代表大会会议举行的三十日前完成初步审查，并在初步审查后十日内将初步审查意见送市人民政府。\n第七条　财经委可以邀请市人大代表参与计划初步审查，每次邀请的代表人数一般不少于五人。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity?.raw ?? o.frequency, o.actor?.text ?? null, o.from?.text ?? null, o.topic])).toEqual([
      ['四十五日前', '市人民政府', '会议举行的', 'committee-meeting'], ['三十日前', '财经委', '会议举行的', 'supervision'], ['十日内', '财经委', '初步审查后', 'supervision'], ['五人', '财经委', null, 'supervision'],
    ]);
  });

  it('a speech\'s 确保办结率达到100% is a target, and the rate it sets is no earlier bearer\'s', () => {
    const d = analyseString('在全市人大工作会议上的讲话\n二、准确把握今年工作重点\n今年，每位常委会组成人员要联系不少于5名基层代表。要抓好代表建议办理，确保办结率达到100%、满意率达到95%以上。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.modality, o.actor?.text ?? null])).toEqual([['5名', 'should', '常委会组成人员'], ['100%', 'target', null], ['95%以上', 'target', null]]);
    expect(d.statistics).toEqual([]);
  });

  it('a verb before 市人大常委会 in running text (列席市人大常委会会议) names no place', () => {
    const m = analyseString('市人大代表履职情况报告\n各位选民：\n两年来，我参加市人代会2次，列席市人大常委会会议3次，参加代表小组活动12次。\n', loadRules()).doc.meta;
    expect([m.place.name, m.docType]).toEqual([null, 'work-review']);
  });

  it('places of every kind: a township\'s congress, a street\'s and a prefecture\'s working committee, a county under a long prefecture, a title that opens with its province', () => {
    const rules = loadRules();
    const meta = (title: string) => { const m = analyseString(`${title}\n第一条　主席团会议一般每两个月举行一次。\n`, rules).doc.meta; return [m.place.name, m.place.level, m.issuer]; };
    expect(meta('青龙镇人民代表大会主席团工作规则')).toEqual(['青龙镇', 'township', '青龙镇人民代表大会']);
    expect(meta('广州市天河区石牌街道人大工委工作规则')).toEqual(['石牌街道', 'township', '广州市天河区石牌街道人大工作委员会']);
    expect(meta('喀什地区人大工委关于加强代表工作的意见')).toEqual(['喀什地区', 'city', '喀什地区人大工作委员会']);
    expect(meta('恩施土家族苗族自治州鹤峰县人民代表大会常务委员会议事规则')).toEqual(['鹤峰县', 'county', '恩施土家族苗族自治州鹤峰县人民代表大会常务委员会']);
    expect(meta('河南省乡镇人民代表大会主席团工作条例')).toEqual(['河南省', 'province', '河南省人民代表大会常务委员会']);
    expect(meta('济南市市中区人民代表大会常务委员会议事规则')).toEqual(['市中区', 'district', '济南市市中区人民代表大会常务委员会']);
  });

  it('a frequency-only rule says how often with its 每 word, not with the period of what it reports (全年, 本年度)', () => {
    const d = analyseString('某市人民代表大会专门委员会工作规则\n第八条　专门委员会应当于每年十二月底前向常务委员会书面报告全年工作情况。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.frequency, o.period, o.actor?.text ?? null])).toEqual([['每年', 'year', '专门委员会']]);
  });

  it('the size of a body counted by its members is the body\'s (组成人员一般为九至十五人, 委员三人至五人)', () => {
    const d = analyseString('某市人民代表大会专门委员会工作规则\n第二条　专门委员会由主任委员、副主任委员若干人和委员若干人组成，组成人员一般为九至十五人。\n第四条　人大街道工委设主任一人，副主任一人，委员三人至五人。\n', loadRules()).doc;
    expect(d.obligations.map((o) => [o.quantity!.raw, o.quantity!.measure, o.actor?.text ?? null])).toEqual([['九至十五人', 'size', '专门委员会'], ['三人至五人', 'size', '人大街道工委']]);
  });

  it('a county party committee\'s opinion is the committee\'s; a standard (…的标准列入乡镇财政) is a thing, not a bearer', () => {
    const d = analyseString('中共平江县委关于加强和规范乡镇人大工作的意见\n三、保障乡镇人大工作经费。乡镇人大工作经费按照每名代表每年不低于500元的标准列入乡镇财政预算，代表之家、代表联络站建设经费按照每个不低于2万元的标准安排。\n', loadRules()).doc;
    expect([d.meta.issuer, d.meta.place.name]).toEqual(['中共平江县委', '平江县']);
    expect(d.obligations.map((o) => [o.quantity!.raw, o.actor?.text ?? null, o.per])).toEqual([['500元', null, 'person'], ['2万元', null, 'unit']]);
  });
});
