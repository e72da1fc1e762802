import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, describe as describeDoc, expandInputs, type CompareInput } from '../../src/compare/index.js';
import { analyseFile } from '../../src/pipeline.js';
import type { Comparison } from '../../src/schema/compare.js';
import { run } from '../../src/cli/run.js';
import { ROOT } from '../helpers.js';

// The four 代表建议办理 regulations, the national 代表法 as the reference, and two versions of one regulation.
const REG = join(ROOT, 'corpora', 'regulations');
const FAMILY = ['21_shandong_daibiao-jianyi_2017', '29_henan_daibiao-jianyi_2017', '34_zhejiang_daibiao-jianyi_2016', '39_chongqing_daibiao-jianyi_2017'];
const REF = '43_national_daibiaofa_2025';

async function load(ids: string[], refs: string[] = []): Promise<CompareInput[]> {
  const out: CompareInput[] = [];
  for (const { path, entry } of expandInputs([...ids, ...refs].map((id) => join(REG, `${id}.txt`)))) {
    const analysis = await analyseFile(path);
    out.push({ info: describeDoc(analysis, path, entry), analysis, reference: refs.some((r) => path.endsWith(`${r}.txt`)) });
  }
  return out;
}

let c: Comparison;
beforeAll(async () => { c = compare(await load(FAMILY, [REF])); });
const row = (matter: string) => c.rules.find((r) => r.matter === matter)!;
const normals = (matter: string, id: string) => row(matter).cells[id]!.map((x) => x.normal);

describe('rows are matters', () => {
  it('the deadline for answering an ordinary suggestion: three months everywhere, with each starting event', () => {
    expect(FAMILY.map((id) => normals('suggestion-answer', id))).toEqual([
      ['≤3 个月'], ['≤3 个月 收到代表建议、批评和意见后'], ['≤3 个月 在接到交办的代表建议、批评和意见后'], ['≤3 个月 自代表建议、批评和意见交办之日起'],
    ]);
    expect(row('suggestion-answer').spread).toMatchObject({ unit: 'month', min: 3, max: 3, note: '3 month everywhere' });
    expect(row('suggestion-answer').reasons).toContain('lexicon: suggestion-answer');
  });

  it('re-answering a dissatisfied deputy: 1 month in 山东, 河南, 浙江, 2 months in 重庆; the shorter is more demanding', () => {
    expect(FAMILY.map((id) => normals('suggestion-reanswer', id))).toEqual([['≤1 个月'], ['≤1 个月'], ['≤1 个月'], ['≤2 个月 在收到重新办理要求后']]);
    expect(row('suggestion-reanswer').spread).toMatchObject({ direction: 'less', mostDemanding: FAMILY.slice(0, 3), min: 1, max: 2, unit: 'month' });
  });

  it('limits in days and working days are ordered on one scale (1 个工作日 = 1.4 日)', () => {
    const r = row('suggestion-outside-remit');
    expect(FAMILY.map((id) => r.cells[id]!.map((x) => x.days))).toEqual([[5], [14], [10], [14]]);
    expect(r.spread).toMatchObject({ unit: 'day', min: 5, max: 14, mostDemanding: ['21_shandong_daibiao-jianyi_2017'] });
  });

  it('a cell states the rule in full: comparator, value, starting event, modality, article', () => {
    const cellOf = row('suggestion-answer-extended').cells['34_zhejiang_daibiao-jianyi_2016']![0]!;
    expect([cellOf.full, cellOf.modality, cellOf.comparator, cellOf.canonical]).toEqual(['≤6 个月 (may; if 承办代表建议、批评和意见量大或者复杂的) 第二十一条', 'may', 'lte', { value: 6, min: null, max: null, unit: 'month' }]);
  });

  it('frequencies are ordered as times per year: 每两个月至少举行一次 (6) is more than 每季度至少举行一次 (4)', async () => {
    const ids = ['14_beijing_yishi-guize_2010', '38_chongqing_xiangzhen-renda_2016'];
    const r = compare(await load(ids)).rules.find((x) => x.matter === 'committee-meeting-frequency')!;
    expect(ids.map((id) => r.cells[id]!.map((x) => x.normal))).toEqual([['≥1 次 / 2 month'], ['≥1 次 / quarter']]);
    expect(r.spread).toMatchObject({ unit: 'time/year', min: 4, max: 6, direction: 'more', mostDemanding: ['14_beijing_yishi-guize_2010'] });
  });
});

describe('the powers of deputies: a rule named in the clause after its number', () => {
  // 十分之一以上代表联名，有权提出对……的罢免案: the number's clause has no modal word; the matter is named in the next
  const SHISHI = ['08_shanghai_daibiaofa-shishi_nd', '19_beijing_daibiaofa-shishi_2014', '25_shandong_daibiaofa-shishi_2015'];
  let d: Comparison;
  beforeAll(async () => { d = compare(await load(SHISHI)); });
  const texts = (matter: string) => {
    const r = d.rules.find((x) => x.matter === matter)!;
    return SHISHI.map((id) => (r.cells[id] ?? []).map((x) => `${x.normal} ${x.article}`));
  };

  it('a recall of officials, of a deputy, and the standing committee\'s in the recess are three rows; a township recall its own; a list naming both is in both', () => {
    expect(texts('recall-motion-officials')).toEqual([['≥0.1 第二章.第十七条'], ['≥0.1 第二章.第十三条'], ['≥0.1 第二章.第十三条']]);
    expect(texts('recall-motion-officials@township')).toEqual([['≥0.2 第二章.第十七条'], ['≥0.2 第二章.第十三条'], ['≥0.2 第二章.第十三条']]);
    // (上海 第十七条 names officials and deputies elected by the congress in one list: one threshold, both rows)
    expect(texts('recall-motion-deputy')).toEqual([['≥0.1 第二章.第十七条'], [], ['≥0.1 第五章.第四十六条']]);
    expect(texts('recall-motion-recess')).toEqual([[], [], ['≥0.2 第五章.第四十六条']]);
  });

  it('two ranges that start alike are no "everywhere": 召集人一至三名 (上海) against 一至二名 (山东)', () => {
    const r = d.rules.find((x) => x.matter === 'deputy-group-conveners')!;
    expect(r.spread).toMatchObject({ min: 1, max: 3, direction: 'neutral', highest: ['08_shanghai_daibiaofa-shishi_nd'], lowest: ['08_shanghai_daibiaofa-shishi_nd', '25_shandong_daibiaofa-shishi_2015'] });
    expect(r.spread!.note).toBe('1–3 person: 上海 实施代表法办法 n.d. 1–3, 山东 实施代表法办法 2015 1–2');
  });

  it('市…十人以上联名，乡、镇…五人以上联名，有权提出…议案: both numbers are the bill\'s, each at its level', () => {
    expect(texts('bill-cosign')).toEqual([['≥10 人 第二章.第十条'], ['≥10 人 第二章.第十条'], ['≥10 人 第二章.第九条']]);
    expect(texts('bill-cosign@township')).toEqual([['≥5 人 第二章.第十条'], ['≥5 人 第二章.第十条'], ['≥5 人 第二章.第九条']]);
    // 有权书面提出对本级人民政府及其所属各部门，人民法院，人民检察院的质询案: the predicate runs over the list's commas
    expect(texts('interpellation-cosign')).toEqual([['≥10 人 第二章.第十六条'], ['≥10 人 第二章.第十二条'], ['≥10 人 第二章.第十二条']]);
  });
});

describe('the stretch of a sentence a rule is matched on', () => {
  const rowsOf = async (ids: string[], matters: string[]) => {
    const d = compare(await load(ids));
    return matters.map((m) => ids.map((id) => (d.rules.find((x) => x.matter === m)?.cells[id] ?? []).map((x) => `${x.normal} ${x.article}`)));
  };

  it('主席团会议有三分之二以上的主席团成员出席，…由主席团全体成员的过半数赞成为通过: a quorum, then a passing vote', async () => {
    expect(await rowsOf(['26_guangdong_yishi-guize_2022', '37_zhejiang_yishi-guize_1994'], ['quorum', 'passing-vote'])).toEqual([
      [['≥2/3 第二章.第六条', '≥2/3 第二章.第十一条'], ['≥2/3 第二章.第六条', '≥2/3 第二章.第十二条']],
      [['>0.5 第二章.第十一条', '>0.5 第八章.第六十条'], ['>0.5 第二章.第十二条']],
    ]);
  });

  it('…过半数的代表通过，在人民代表大会闭会期间，须经常务委员会组成人员的过半数通过; …或者由原选区以选民的过半数通过: both votes recall', async () => {
    expect(await rowsOf(['25_shandong_daibiaofa-shishi_2015', '48_national_zuzhifa_2022'], ['recall-vote'])).toEqual([
      [['>0.5 第五章.第四十六条', '>0.5 第五章.第四十六条'], ['>0.5 第二章.第四十四条', '>0.5 第二章.第四十四条']],
    ]);
  });
});

describe('reference marks and versions', () => {
  it('marks each local rule inherited, changed or local against the national 代表法', () => {
    const marks = (matter: string) => FAMILY.map((id) => row(matter).cells[id]!.map((x) => x.mark));
    expect(marks('suggestion-answer-extended')).toEqual([['inherited'], ['inherited'], ['inherited'], ['inherited']]);
    expect(marks('suggestion-reanswer')).toEqual([['local'], ['local'], ['local'], ['local']]);
    expect(row('suggestion-answer-extended').cells[REF]!.map((x) => [x.normal, x.mark])).toEqual([['≤6 个月 自交办之日起', 'reference']]);
  });

  it('two versions of 北京 任免 are found from the metadata; the change list gives old → new with both articles', async () => {
    const v = compare(await load(['12_beijing_renmian_2023', '13_beijing_renmian_2007'])).versions;
    expect(v.map((x) => [x.old, x.new, x.detected])).toEqual([['13_beijing_renmian_2007', '12_beijing_renmian_2023', true]]);
    expect(v[0]!.changes.find((ch) => ch.kind === 'changed')).toMatchObject({ old: ['≥15 日 举行会议的 (第十一条)'], new: ['≥10 日 举行会议的 (第十二条)'] });
  });
});

describe('CLI', () => {
  it('zhidu compare --where family=… --reference … prints the matter table with marks', async () => {
    const out: string[] = [];
    const code = await run(['compare', REG, '--where', 'family=daibiao-jianyi', '--reference', join(REG, `${REF}.txt`)], { stdout: (s) => { out.push(s); }, stderr: () => {} });
    expect(code).toBe(0);
    const md = out.join('');
    expect(md).toContain('| 代表建议答复期限 | ≤3 个月 自交办之日起 第十九条 = | ≤3 个月 第十九条 = |');
    expect(md).toContain('Against the reference, after each rule: = inherited, ≠ changed, + local.');
  });

  it('an unknown matter, a --format that contradicts --out, and a --where that matches nothing are usage errors (exit 2)', async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (s: string) => { err.push(s); } };
    expect(await run(['compare', REG, '--matters', 'no-such-matter'], io)).toBe(2);
    expect(await run(['compare', REG, '--format', 'md', '--out', '/tmp/x.html'], io)).toBe(2);
    expect(await run(['compare', REG, '--where', 'family=none'], io)).toBe(2);
    expect(err.join('')).toContain('unknown matter: no-such-matter');
    expect(err.join('')).toContain('--format md does not match the extension of --out /tmp/x.html (html)');
  });
});

describe('a bad date in one document', () => {
  it('0808年 is no date: the comparison runs, the document has no year', async () => {
    const text = '关于加强自身建设的意见\n（0808年5月1日某市人大常委会第三次会议通过）\n一、联系代表\n1.常委会组成人员每人联系3名以上代表。\n';
    const { analyseBytes } = await import('../../src/pipeline.js');
    const a = await analyseBytes(Buffer.from(text, 'utf8'), 'bad-date.txt');
    const others = await load([FAMILY[0]!]);
    const c = compare([{ info: describeDoc(a, 'bad-date.txt'), analysis: a }, ...others]);
    expect(c.documents[0]!.year).toBeNull();
    expect(a.doc.meta.adoptedOn).toBeNull();
    // the document says where its date went wrong, and the comparison carries the warning with it
    const warning = a.doc.diagnostics.find((d) => d.code === 'meta/implausible-date')!;
    expect(warning.message).toBe('0808年5月1日 is not a plausible date; the document is left undated there');
    expect(text.slice(...warning.span!)).toBe('0808年5月1日某市人大常委会第三次会议通过');
    expect(c.documents[0]!.warnings.map((w) => w.code)).toEqual(['meta/implausible-date']);
    expect(c.documents[1]!.warnings).toEqual([]);
    expect(c.rules.find((r) => r.matter === 'member-deputy-contact')!.cells['bad-date']!.map((x) => x.normal)).toEqual(['≥3 名']);
  });
});

describe('a rule cut from its sentence keeps what names its matter', () => {
  it('a group\'s activities after its conveners\' number, and a county\'s days after a semicolon, land in their rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-matters-'));
    const file = join(dir, 'hubei.txt');
    writeFileSync(file, '湖北省实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法\n第七条　代表小组由同一选区或者相邻选区的代表组成，推选召集人一至二名，每年活动不少于三次。\n第九条　省、设区的市的人民代表大会代表在闭会期间参加履职活动的时间，一般每年不少于十五天；县、乡两级人民代表大会代表一般每年不少于十天。\n');
    const docs = await load(['25_shandong_daibiaofa-shishi_2015']);
    for (const { path, entry } of expandInputs([file])) {
      const analysis = await analyseFile(path);
      docs.push({ info: describeDoc(analysis, path, entry), analysis, reference: false });
    }
    const cmp = compare(docs);
    const cells = (matter: string) => cmp.rules.find((r) => r.matter === matter)!.cells['hubei']!.map((x) => x.normal);
    expect([cells('deputy-group-activity'), cells('deputy-duty-time'), cells('deputy-duty-time@township')]).toEqual([['≥3 次 / year'], ['≥15 天 / year'], ['≥10 天 / year']]);
  });
});
