import { beforeAll, describe, expect, it } from 'vitest';
import { compare, describe as describeDoc, expandInputs, type CompareInput } from '../../src/compare/index.js';
import { analyseFile } from '../../src/pipeline.js';
import { comparisonToCsv, comparisonToMarkdown } from '../../src/render/compare.js';
import type { Comparison } from '../../src/schema/compare.js';
import { run } from '../../src/cli/run.js';
import { CORPUS } from '../helpers.js';

let c: Comparison;
let docs: CompareInput[];

beforeAll(async () => {
  docs = [];
  for (const { path, entry } of expandInputs([CORPUS])) {
    const analysis = await analyseFile(path);
    docs.push({ info: describeDoc(analysis, path, entry), analysis });
  }
  c = compare(docs);
});

const cell = (topic: string, id: string) => c.topics.find((r) => r.topic === topic)!.cells[id]!.map((i) => i.normal);

describe('topic table (rules grouped by topic)', () => {
  it('labels the documents from the corpus manifest', () => {
    expect(c.documents.map((d) => d.label)).toEqual(['长春 2022 意见', '东城 2017 意见', '濮阳 2023 决定', '长春 2022 综述', 'X市 发言']);
  });

  it('labels a document without a manifest entry by its place\'s short name: 广西壮族自治区 is 广西, not 广西壮族', async () => {
    const { analyseString } = await import('../../src/pipeline.js');
    const { loadRules } = await import('../../src/packs/index.js');
    const text = '广西壮族自治区人民代表大会代表建议、批评和意见办理规定\n（2019年3月29日广西壮族自治区第十三届人民代表大会常务委员会第八次会议通过）\n第一条 承办单位应当自交办之日起三个月内办理完毕并书面答复代表。\n';
    expect(describeDoc(analyseString(text, loadRules(), 'guangxi.txt'), 'guangxi.txt').label).toBe('广西 代表建议办理规定 2019');
  });

  it('labels a regulation by what it regulates, from its title without the issuer or the law\'s full name', async () => {
    const { analyseString } = await import('../../src/pipeline.js');
    const { loadRules } = await import('../../src/packs/index.js');
    const label = (title: string, place: string) => describeDoc(analyseString(`${title}\n（2016年1月28日${place}第十二届人民代表大会常务委员会第二十二次会议通过）\n第一条 常务委员会会议每两个月至少举行一次。\n`, loadRules(), 'x.txt'), 'x.txt').label;
    expect(label('四川省人民代表大会及其常务委员会立法条例', '四川省')).toBe('四川 立法条例 2016');
    expect(label('江西省实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法', '江西省')).toBe('江西 实施代表法办法 2016');
    expect(label('南充市人民代表大会常务委员会人事任免办法', '南充市')).toBe('南充 人事任免办法 2016');
    // 关于 after the issuer goes with it
    expect(label('乐山市人大常委会关于审议意见办理工作的规定', '乐山市')).toBe('乐山 审议意见办理工作的规定 2016');
    // too long for a column: the type stands in
    expect(label('南充市人民代表大会常务委员会关于规范性文件备案审查和清理工作的若干规定', '南充市')).toBe('南充 2016 规定');
  });

  it('deputy-contact: 长春 ≥3 名 per member, 濮阳 ≥5 名, the review 1–3 个 and ≥3 名; 濮阳 strictest', () => {
    expect(cell('deputy-contact', 'changchun-2022-opinion')).toEqual(['≥3 名/人']);
    expect(cell('deputy-contact', 'puyang-2023-decision')).toEqual(['≥5 名/人', '≥1 次/年']);
    expect(cell('deputy-contact', 'changchun-2022-review')).toEqual(['1–3 个/人', '≥3 名/人', '≥3 名/人']);
    expect(cell('deputy-contact', 'dongcheng-2017-opinion')).toEqual([]);
    const row = c.topics.find((r) => r.topic === 'deputy-contact')!;
    expect(row.spread).toEqual([{ unit: '名', period: null, min: 3, max: 5, strictest: ['puyang-2023-decision'], documents: 3 }]);
    const item = row.cells['changchun-2022-opinion']![0]!;
    expect(item.obligation.per).toBe('person');
    expect(item.obligation.text).toBe('常委会组成人员每人联系3名以上市人大代表。');
  });

  it('research-inspection: 长春 ≥1 次/年, 东城 ≥3 次/年', () => {
    expect(cell('research-inspection', 'changchun-2022-opinion')).toEqual(['每年 (frequency only)', '≥1 次/年']);
    expect(cell('research-inspection', 'dongcheng-2017-opinion')).toEqual(['≥3 次/年', '定期 (frequency only)']);
    expect(c.topics.find((r) => r.topic === 'research-inspection')!.spread).toEqual([{ unit: '次', period: 'year', min: 1, max: 3, strictest: ['dongcheng-2017-opinion'], documents: 2 }]);
  });

  it('a frequency-only rule is in its row', () => {
    expect(cell('reception', 'dongcheng-2017-opinion')).toEqual(['每月 (frequency only)', '1 次/年']);
  });

  it('--topics keeps only those rows', () => {
    expect(compare(docs, { topics: ['staffing'] }).topics.map((r) => r.topic)).toEqual(['staffing']);
  });
});

describe('text reuse', () => {
  it('finds the 长春–濮阳 borrowing as distinctive, near-copy included, with exact spans', () => {
    const r = c.reuse.find((x) => x.a === 'changchun-2022-opinion' && x.b === 'puyang-2023-decision' && x.aText.includes('内容高质量'))!;
    expect(r.kind).toBe('distinctive');
    expect(r.exact).toBe(false);
    expect([r.aSpan, r.bSpan]).toEqual([[1577, 1601], [4895, 4922]]);
    expect(r.aText).toBe('内容高质量、办理高质量”“既重结果、也重过程”的');
    expect(r.bText).toBe('内容高质量、办理高质量”和“既要重结果、也要重过程”的');
  });

  it('labels the loyalty formula formulaic, wherever it is shared (full list on request), and groups it once', () => {
    expect(c.reuse.some((x) => x.kind === 'formulaic')).toBe(false);
    const loyal = compare(docs, { fullReuse: true }).reuse.filter((x) => x.aText.includes('以习近平同志为核心的党中央保持高度一致'));
    expect(loyal.map((x) => [x.a, x.b, x.kind, x.documentsWith])).toEqual([
      ['changchun-2022-opinion', 'dongcheng-2017-opinion', 'formulaic', 3],
      ['changchun-2022-opinion', 'puyang-2023-decision', 'formulaic', 3],
      ['dongcheng-2017-opinion', 'puyang-2023-decision', 'formulaic', 3],
    ]);
    expect(loyal[0]!.aSpan).toEqual([278, 308]);
    const f = c.reuseSummary.formulas.find((x) => x.text.includes('以习近平同志为核心的党中央保持高度一致'))!;
    expect(f.documents).toEqual(['changchun-2022-opinion', 'dongcheng-2017-opinion', 'puyang-2023-decision']);
  });

  it('summarises each pair: shared characters and the share of each document', () => {
    const p = c.reuseSummary.pairs.find((x) => x.a === 'changchun-2022-opinion' && x.b === 'puyang-2023-decision')!;
    expect(p.distinctive).toBeGreaterThan(0);
    expect(p.sharedChars).toBe(c.reuse.filter((r) => r.a === p.a && r.b === p.b).reduce((n, r) => n + r.length, 0) + (p.formulaic ? compare(docs, { fullReuse: true }).reuse.filter((r) => r.a === p.a && r.b === p.b && r.kind === 'formulaic').reduce((n, r) => n + r.length, 0) : 0));
    expect(p.shareOfA).toBeGreaterThan(0);
    expect(p.shareOfA).toBeLessThan(1);
  });
});

describe('similarity and structure', () => {
  it('the 长春 opinion is closest to the 濮阳 decision, then 东城', () => {
    const row = c.similarity.matrix[0]!;
    const order = row.map((v, i) => [v, i] as const).filter(([, i]) => i !== 0).sort((a, b) => b[0] - a[0]).map(([, i]) => c.documents[i]!.label);
    expect(order).toEqual(['濮阳 2023 决定', '东城 2017 意见', 'X市 发言', '长春 2022 综述']);
    expect(c.similarity.matrix[1]![0]).toBe(row[1]);
  });

  it('aligns every article of A with its closest article of B', () => {
    const m = c.similarity.articles.filter((x) => x.a === 'changchun-2022-opinion' && x.b === 'dongcheng-2017-opinion');
    expect(m).toHaveLength(20);
    expect(m[0]).toMatchObject({ aArticle: '一.1', bArticle: '一.1' });
  });

  it('section headings by theme', () => {
    const theme = (t: string, id: string) => c.structure.find((r) => r.theme === t)!.cells[id]!.map((s) => s.label);
    // 长春 leads with 思想建设, 东城 with 党的领导, 濮阳 with 讲政治
    expect(c.documents.map((d) => theme('political', d.id))).toEqual([[], ['一'], ['一'], [], ['一']]);
    expect(theme('ideological', 'changchun-2022-opinion')).toEqual(['一']);
    expect(theme('institutional', 'changchun-2022-opinion')).toEqual(['三']);
    expect(theme('discipline', 'changchun-2022-opinion')).toEqual(['五']);
  });
});

describe('matter table on the seeds', () => {
  it('长春 asks each member to contact ≥3 deputies, 濮阳 ≥5: one row, 濮阳 highest', () => {
    const row = c.rules.find((r) => r.matter === 'member-deputy-contact' && r.documents > 1)!;
    expect(row.label).toBe('常委会组成人员每人联系代表的人数（名）');
    expect(row.cells['changchun-2022-opinion']!.map((x) => x.normal)).toEqual(['≥3 名']);
    expect(row.cells['puyang-2023-decision']!.map((x) => x.normal)).toEqual(['≥5 名']);
    expect(row.spread).toMatchObject({ unit: 'person', min: 3, max: 5, direction: 'neutral', highest: ['puyang-2023-decision'] });
  });

  it('a frequency row orders by what is more demanding (higher)', () => {
    const row = c.rules.find((r) => r.matter === 'member-research')!;
    expect(row.cells['changchun-2022-opinion']!.map((x) => x.full)).toEqual(['≥1 次 / year (should) 16']);
    expect(row.cells['dongcheng-2017-opinion']!.map((x) => x.normal)).toEqual(['≥3 次 / year']);
    expect(row.spread).toMatchObject({ direction: 'more', mostDemanding: ['dongcheng-2017-opinion'], min: 1, max: 3 });
  });

  it('--matters keeps only those matters', () => {
    expect(compare(docs, { matters: ['member-research'] }).rules.map((r) => r.matter)).toEqual(['member-research']);
  });
});

describe('renderers and CLI', () => {
  it('markdown matter table rows', () => {
    const md = comparisonToMarkdown(c);
    expect(md).toContain('| 常委会组成人员每人联系代表的人数（名） | ≥3 名 15 | — | ≥5 名 14 | ≥3 名; ≥3 名 | — | 3–5 person: highest 濮阳 2023 决定, lowest 长春 2022 意见, 长春 2022 综述 |');
  });

  it('CSV: one row per (matter, document, rule), with the document variables', () => {
    const csv = comparisonToCsv(c);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFmatter,matter_label,topic,measure,doc_id,label,place,year,doc_type,doc_level,normal,comparator,value,min,max,unit,canonical_value,canonical_unit,days,period,from,modality,hedged,condition,sanction,mark,actor,action,article,clause,span_start,span_end');
    expect(lines.filter((l) => l.startsWith('member-deputy-contact,')).length).toBe(5);
  });

  it('zhidu compare on the corpus folder prints the table and exits 0', async () => {
    const out: string[] = [];
    expect(await run(['compare', CORPUS, '--matters', 'member-deputy-contact'], { stdout: (s) => { out.push(s); }, stderr: () => {} })).toBe(0);
    expect(out.join('')).toContain('| 常委会组成人员每人联系代表的人数（名） | ≥3 名 15 |');
  });
});
