import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, describe as describeDoc, forCompare, type CompareInput } from '../../src/compare/index.js';
import { DENSE_MAX } from '../../src/compare/similarity.js';
import { analyseFile } from '../../src/pipeline.js';
import { comparisonJsonl, jsonChunks } from '../../src/render/json-stream.js';
import type { Comparison } from '../../src/schema/compare.js';
// the benchmark's generator: bundled regulations under other places' names, numbers and articles edited
import { makeRegulations } from '../../scripts/bench-corpus.mjs';

const N = DENSE_MAX + 10;
const dir = mkdtempSync(join(tmpdir(), 'zhidu-scale-'));
let c: Comparison;

beforeAll(async () => {
  makeRegulations(dir, N);
  const docs: CompareInput[] = [];
  for (const f of readdirSync(dir).sort()) {
    const a = await analyseFile(join(dir, f));
    docs.push({ info: describeDoc(a, join(dir, f)), analysis: forCompare(a) });
  }
  c = compare(docs);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`a comparison of ${N} documents (more than ${DENSE_MAX})`, () => {
  it('gives each document its five nearest neighbours instead of a dense matrix', () => {
    expect(c.documents).toHaveLength(N);
    expect(c.similarity.matrix).toEqual([]);
    expect(c.similarity.neighbours).toHaveLength(5 * N);
    for (const d of c.documents) {
      const mine = c.similarity.neighbours.filter((x) => x.a === d.id);
      expect(mine.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
      expect(mine.every((x, i) => i === 0 || x.score <= mine[i - 1]!.score)).toBe(true);
      expect(mine.some((x) => x.b === d.id)).toBe(false);
    }
  });

  it('finds near-copies through MinHash/LSH: most documents\' best neighbour is another edit of the same regulation', () => {
    const best = c.similarity.neighbours.filter((x) => x.rank === 1).map((x) => x.score).sort((x, y) => x - y);
    expect(best).toHaveLength(N);
    // the generator edits numbers, dates and one article in ten: copies of one regulation score above 0.85
    expect(best[Math.floor(N / 2)]!).toBeGreaterThan(0.85);
    // a regulation drawn once has a cousin of its family, another province's version of the same law
    expect(best[0]!).toBeGreaterThan(0.5);
  });

  it('keeps a matter row\'s cells for the documents that state it, and only those', () => {
    const ids = new Set(c.documents.map((d) => d.id));
    for (const r of c.rules) {
      const cells = Object.entries(r.cells);
      expect(cells.length).toBe(r.documents);
      expect(cells.every(([id, items]) => ids.has(id) && items.length > 0)).toBe(true);
    }
  });

  it('streams the JSON byte for byte as JSON.stringify writes it, and JSONL a record per line', () => {
    expect([...jsonChunks(c)].join('')).toBe(JSON.stringify(c, null, 2));
    const lines = [...comparisonJsonl(c)].join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { record: string });
    const count = (r: string) => lines.filter((l) => l.record === r).length;
    expect(lines[0]!.record).toBe('zhidu');
    expect(count('document')).toBe(N);
    expect(count('neighbour')).toBe(5 * N);
    expect(count('rule')).toBe(c.rules.length);
    expect(count('reuse')).toBe(c.reuse.length);
    expect(count('similarity-row')).toBe(0);
  });

  it('calls a passage fifty documents share a template, not a borrowing', () => {
    expect(c.reuse.length).toBeGreaterThan(0);
    expect(c.reuse.filter((r) => r.kind === 'distinctive').every((r) => r.documentsWith < 50)).toBe(true);
  });
});

describe('the generated corpus', () => {
  it('is the same bytes on every run', () => {
    const again = mkdtempSync(join(tmpdir(), 'zhidu-scale-again-'));
    try {
      makeRegulations(again, 5);
      for (const f of readdirSync(again)) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
