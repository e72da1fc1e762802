import { diskCached, engineFingerprint } from '../core/disk-cache.js';
import { join } from 'node:path';
import { segmenterFingerprint } from '../segment/jieba-adapter.js';
import type { ZhiduDocument } from '../schema/document.js';
import { articlesOf } from '../structure/index.js';
import { PackError, type Rules } from './index.js';
import { matchMatter } from './matter-match.js';

/** Runs one example text through the pipeline (injected, so that packs/ does not import the engine). */
export type Analyse = (text: string) => ZhiduDocument;

type Example = Record<string, unknown>;
interface Case { file: string; rule: string; example: Example; title?: string; check: (doc: ZhiduDocument, e: Example) => [string, unknown, unknown] | null }

const quantities = (doc: ZhiduDocument) => [...doc.obligations, ...doc.statistics].flatMap((x) => (x.quantity ? [x] : []));
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The first field whose expected value differs from the actual one: [field, expected, actual]. */
function firstDiff(e: Example, actual: Record<string, unknown>, fields: string[], defaults: Record<string, unknown> = {}): [string, unknown, unknown] | null {
  for (const f of fields) {
    if (!(f in e) && !(f in defaults)) continue;
    const want = f in e ? e[f] : defaults[f];
    const got = actual[f];
    if (JSON.stringify(want) !== JSON.stringify(got)) return [f, want, got];
  }
  return null;
}

function quantityCheck(doc: ZhiduDocument, e: Example): [string, unknown, unknown] | null {
  const qs = quantities(doc);
  if (qs.length !== 1) return ['quantities', 1, qs.map((x) => x.quantity!.raw)];
  const q = qs[0]!.quantity!;
  const actual: Record<string, unknown> = { ...q, min: q.min, max: q.max };
  if ('min' in e) return firstDiff(e, { ...actual }, ['raw', 'unit', 'min', 'max'], {});
  return firstDiff(e, actual, ['raw', 'value', 'unit', 'comparator', 'approx', 'redacted', 'measure'], { comparator: 'eq', approx: false, redacted: false });
}

/** Every example of every pack, with how to check it. */
function cases(rules: Rules): Case[] {
  const out: Case[] = [];
  const packFile = (id: string) => join(rules.dir, id, 'pack.yaml');
  const ex = (id: string) => (rules.manifests[id]?.examples ?? []) as Example[];
  for (const e of ex('quantity')) out.push({ file: packFile('quantity'), rule: 'examples', example: e, check: quantityCheck });
  for (const r of rules.quantity.compiled) {
    for (const e of r.examples) out.push({ file: join(rules.dir, 'quantity', 'quantity.yaml'), rule: r.id, example: e, check: quantityCheck });
  }
  for (const text of rules.manifests.quantity?.counterexamples ?? []) {
    out.push({
      file: packFile('quantity'), rule: 'counterexamples', example: { text },
      check: (doc) => { const qs = quantities(doc); return qs.length ? ['quantities', [], qs.map((x) => x.quantity!.raw)] : null; },
    });
  }
  for (const e of ex('named-numbers')) {
    out.push({
      file: packFile('named-numbers'), rule: 'examples', example: e,
      check: (doc) => firstDiff(e, { named: doc.namedNumbers.map((n) => n.text), quantities: quantities(doc).length }, ['named', 'quantities'], { quantities: 0 }),
    });
  }
  for (const e of ex('topics')) {
    out.push({
      file: packFile('topics'), rule: 'examples', example: { ...e, text: `${e.text}。` }, title: '关于加强自身建设的意见',
      check: (doc) => firstDiff(e, { topic: quantities(doc).map((x) => x.topic).join(',') }, ['topic']),
    });
  }
  for (const e of ex('obligation')) {
    const title = e.doc === 'report' || e.kind === 'statistic' ? '五年工作综述' : e.doc === 'rules' ? '代表建议办理办法' : '关于加强自身建设的意见';
    out.push({
      file: packFile('obligation'), rule: 'examples', example: { ...e, text: `${e.text}。` }, title,
      check: (doc) => {
        const items = quantities(doc);
        if (items.length !== 1) return ['kind', [e.kind], items.map((i) => i.kind)];
        const it = items[0]!;
        const o = it.kind === 'obligation' ? it : null;
        return firstDiff(e, {
          kind: it.kind, modality: o?.modality, per: o?.per, period: it.period, measure: it.quantity!.measure,
          actor: o ? o.actor?.text ?? null : undefined, from: o ? o.from?.text ?? null : undefined, hedged: o?.hedged,
          condition: o ? o.condition?.text ?? null : undefined, sanction: o ? o.sanction?.text ?? null : undefined,
        }, ['kind', 'modality', 'per', 'period', 'measure', 'actor', 'from', 'hedged', 'condition', 'sanction']);
      },
    });
  }
  // a matter example is one rule: its only number's measure and the example's words pick the first matter
  for (const e of rules.matters.examples ?? []) {
    out.push({
      file: join(rules.dir, 'matters', 'matters.yaml'), rule: 'examples', example: { ...e, text: `${e.text}。` }, title: '代表建议办理办法',
      check: (doc) => {
        const items = quantities(doc);
        if (items.length !== 1) return ['quantities', 1, items.map((i) => i.quantity!.raw)];
        return firstDiff(e, { matter: matchMatter(rules, items[0]!.quantity!.measure, String(e.text))?.id ?? null }, ['matter']);
      },
    });
  }
  for (const e of ex('structure')) {
    out.push({
      file: packFile('structure'), rule: 'examples', example: e,
      check: (doc) => firstDiff(e, { path: articlesOf(doc.structure).at(-1)?.path ?? null }, ['path']),
    });
  }
  return out;
}

const checked = new WeakSet<Rules>();

/**
 * Runs every example of every pack (pack.yaml examples and counterexamples, and the examples of each
 * grammar rule) once per loaded rule set. A failing example stops the run: the pack refuses to load, and
 * the error names the file, the rule, the example, the expected and the actual value.
 */
export function checkPackExamples(rules: Rules, analyse: Analyse): void {
  if (checked.has(rules)) return;
  // the same packs read by the same engine give the same answers: a check that passed once on this machine
  // is not run again (a failure is never cached, so it is reported every time)
  const key = `${JSON.stringify(rules.packs)}\n${engineFingerprint()}\n${segmenterFingerprint()}\nnode ${process.version}`;
  diskCached('self-check', key, () => { runExamples(rules, analyse); return true; });
  checked.add(rules);
}

function runExamples(rules: Rules, analyse: Analyse): void {
  for (const c of cases(rules)) {
    const text = String(c.example.text);
    const doc = analyse(c.title ? `${c.title}\n${text}` : text);
    const diff = c.check(doc, c.example);
    if (diff) {
      const [field, want, got] = diff;
      throw new PackError(c.file, `rule ${c.rule}: example ${JSON.stringify(text)}: ${field} expected ${show(want)}, actual ${show(got)}`);
    }
  }
}
