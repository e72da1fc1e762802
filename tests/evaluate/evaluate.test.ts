import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { CORPUS, ROOT } from '../helpers.js';

const SCORER = join(ROOT, '..', 'shared', 'tools', 'evaluate.mjs');

async function ours(): Promise<{ P: number; R: number; F: number; tp: number; gold: number; pred: number; documents: { doc: string; ignored: number; leaks: number }[] }> {
  const out: string[] = [];
  const code = await run(['evaluate', join(CORPUS, 'gold'), '--json'], { stdout: (s) => { out.push(s); }, stderr: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}

describe('zhidu evaluate', () => {
  it('scores the bundled corpus against its gold', async () => {
    const r = await ours();
    expect([r.tp, r.gold, r.pred]).toEqual([90, 90, 90]);
    expect(r.F).toBe(1);
    expect(r.documents.map((d) => [d.doc.slice(0, 3), d.ignored, d.leaks])).toEqual([['000', 0, 0], ['001', 1, 0], ['002', 0, 0], ['003', 4, 0], ['004', 1, 0]]);
  });

  it.runIf(existsSync(SCORER))('agrees with the independent scorer in shared/tools', async () => {
    const theirs = JSON.parse(execFileSync(process.execPath, [SCORER, '--gold', join(CORPUS, 'gold'), '--docs', CORPUS, '--repo', ROOT, '--json'], { encoding: 'utf8' }));
    const r = await ours();
    expect([r.tp, r.gold, r.pred, r.P, r.R, r.F]).toEqual([theirs.tp, theirs.gold, theirs.pred, theirs.P, theirs.R, theirs.F]);
    expect(r.documents.reduce((n, d) => n + d.ignored, 0)).toBe(theirs.ignored);
  });
});
