import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/packs/index.js';
import { alsoMatters, matchMatter } from '../../src/packs/matter-match.js';

const rules = loadRules();
const matter = (measure: string, window: string) => matchMatter(rules, measure, window)?.id ?? null;

// The matters a rule's window meets, with sentences of other families than the bundled answer keys
describe('the matters lexicon keeps apart what only shares words', () => {
  it('a notice before an inspection is no meeting notice; one before a hearing is', () => {
    expect(matter('lead-time', '执法检查组应当在检查开始前十日，将检查方案通知被检查单位')).toBe(null);
    expect(matter('lead-time', '听证机构应当在举行立法听证会七日前通知陈述人')).toBe('session-notice');
    expect(matter('lead-time', '常务委员会会议举行七日前，将开会日期通知常务委员会组成人员')).toBe('session-notice');
  });

  it('a satisfaction vote is neither a quorum nor a dissatisfied interpellation', () => {
    const vote = '常务委员会认为必要时，可以进行满意度测评，不满意票超过出席会议人数半数的，市人民政府应当在三个月内重新报告';
    expect(matter('share', vote)).toBe(null);
    expect(matter('share', '提出质询案的代表半数以上对答复不满意的，可以要求受质询机关再作答复')).toBe('interpellation-dissatisfied');
  });

  it('what the committee inspects in a year is not what each member joins; an opinion passed on is no suggestion assigned', () => {
    expect(matter('frequency', '常务委员会每年选择三至五件法律法规组织执法检查')).toBe('committee-inspections');
    expect(matter('frequency', '常委会组成人员每年至少参加两次执法检查或者专题调研')).toBe('member-research');
    expect(matter('deadline', '审议意见交由市人民政府研究处理，市人民政府应当在收到审议意见书后三个月内提出研究处理情况的报告')).not.toBe('suggestion-assign');
  });

  it('a deliberation opinion is handed over, answered, redone after a dissatisfied vote and published: four matters, none of them a deputy\'s suggestion', () => {
    expect(matter('deadline', '常委会会议结束后七个工作日内，常委会办公厅应当将审议意见送交有关机关研究处理')).toBe('deliberation-opinion-transmit');
    expect(matter('deadline', '有关机关应当于收到审议意见书后三个月内，将研究处理方案送交有关专门委员会；一年内，将审议意见的研究处理情况送交有关专门委员会')).toBe('deliberation-opinion-response');
    expect(matter('deadline', '常委会对办理情况报告进行满意度测评。测评不满意票数超过组成人员半数的，有关机关应当在一个月内重新办理')).toBe('deliberation-opinion-redo');
    expect(matter('deadline', '代表对答复不满意的，承办单位应当重新研究办理，并在一个月内再次答复代表')).toBe('suggestion-reanswer');
    expect(matter('deadline', '研究处理情况报告应当在常委会会议结束后二十日内向社会公开')).toBe('deliberation-opinion-publish');
  });

  it('a hearing\'s announcement, speakers, statements and report are matters of their own, its notice to speakers a meeting notice', () => {
    expect(matter('lead-time', '听证机构应当在举行听证会的二十日前，通过报纸、网站等媒体发布听证公告')).toBe('hearing-announcement');
    expect(matter('lead-time', '听证机构应当在举行听证会的七日前，将听证会的时间、地点和听证事项通知听证陈述人')).toBe('session-notice');
    expect(matter('size', '听证陈述人一般为十二人至二十人')).toBe('hearing-speakers');
    expect(matter('duration', '陈述人每次发言时间一般不超过十分钟')).toBe('hearing-statement');
    expect(matter('duration', '常务委员会全体会议上的发言，第一次不超过十五分钟')).toBe('speech-first');
  });

  it('a document is filed however the filing is worded; a formal review of what was filed is the review', () => {
    expect(matter('deadline', '县人民政府制定的规范性文件，应当在公布后三十日内报县人大常委会备案')).toBe('filing-deadline');
    expect(matter('deadline', '制定机关应当在规范性文件公布之日起二十日内，将其报送市人民代表大会常务委员会备案')).toBe('filing-deadline');
    expect(matter('deadline', '备案审查工作机构应当自收到报送备案材料之日起十日内进行形式审查')).toBe('review-completion');
  });

  it('one threshold for a list naming officials and deputies belongs to both recall rows; one for officials only to theirs', () => {
    const both = '市和区、县人民代表大会十分之一以上代表联名，有权书面提出对本级人民代表大会常务委员会组成人员、人民政府组成人员、由本级人民代表大会选出的上一级人民代表大会代表的罢免案';
    const first = matchMatter(rules, 'share', both)!;
    expect([first.id, alsoMatters(rules, first, 'share', both).map((m) => m.id)]).toEqual(['recall-motion-officials', ['recall-motion-deputy']]);
    const officials = '十分之一以上代表联名，可以提出对本级人民代表大会常务委员会组成人员、人民政府组成人员、人民法院院长、人民检察院检察长的罢免案';
    expect(alsoMatters(rules, matchMatter(rules, 'share', officials)!, 'share', officials)).toEqual([]);
  });

  it('a deputy\'s yearly activity funds and a liaison station\'s funds are two matters of money', () => {
    expect(matter('money', '省人民代表大会代表的活动经费每人每年不低于三千元，设区的市人民代表大会代表每人每年不低于二千元')).toBe('deputy-activity-funds');
    expect(matter('money', '代表之家、代表联络站建设经费按照每个不低于2万元的标准安排')).toBe('liaison-station-funds');
    expect(matter('money', '市、县两级财政每年安排代表联络站工作经费，每个联络站不低于2万元')).toBe('liaison-station-funds');
  });

  it('budgets, final accounts, plans and their adjustments each go to the preliminary review at a lead time of their own; sending them to the members is a notice', () => {
    expect(matter('lead-time', '财政部门应当在本级人民代表大会会议举行的四十五日前，将预算草案的初步方案提交财政经济委员会进行初步审查')).toBe('budget-preliminary-lead');
    expect(matter('lead-time', '市人民政府应当在市人民代表大会会议举行的四十五日前，将年度计划草案的初步方案提交财经委进行初步审查')).toBe('plan-preliminary-lead');
    expect(matter('lead-time', '预算调整方案应当在常委会会议举行的三十日前提交财政经济委员会进行初步审查')).toBe('budget-adjustment-lead');
    expect(matter('lead-time', '人民政府应当在本级人民代表大会常务委员会举行会议的十日前，将本级决算草案和预算执行报告送交常务委员会')).toBe('final-accounts-lead');
    expect(matter('lead-time', '常务委员会办事机构应当在常务委员会举行会议的七日前，将决算草案发给常务委员会组成人员')).toBe('session-notice');
  });

  it('the special work reports a committee hears in a year and the special inquiries it holds are matters apart from its inspections', () => {
    expect(matter('frequency', '常委会每年听取和审议专项工作报告不少于6项')).toBe('committee-special-reports');
    expect(matter('frequency', '各县（区）人大常委会每年至少要开展两次专题询问')).toBe('committee-special-inquiries');
    expect(matter('frequency', '常委会每年开展执法检查不少于3次')).toBe('committee-inspections');
    expect(matter('frequency', '常委会组成人员每年至少参加两次执法检查或者专题询问')).not.toBe('committee-special-inquiries');
  });
});
