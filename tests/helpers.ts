import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseBytes, type Analysis } from '../src/pipeline.js';

export const ROOT = resolve(__dirname, '..');
export const CORPUS = join(ROOT, 'corpora', 'renda');
export const SEEDS = ['000_d228cdf30e402d53', '001_5a972a42f7f4496e', '002_8764026f8cb2a5b0', '003_fd089d2e9cccf218', '004_a7edbba025adeb3b'] as const;

export const seedPath = (id: string) => join(CORPUS, `${id}.txt`);
export const seedText = (id: string) => readFileSync(seedPath(id), 'utf8');
export const gold = (id: string) => JSON.parse(readFileSync(join(CORPUS, 'gold', `${id}.json`), 'utf8'));

/** Run the whole pipeline on a string, as if it were a UTF-8 .txt file. */
export async function analyseText(text: string, name = 'inline.txt'): Promise<Analysis> {
  return analyseBytes(Buffer.from(text, 'utf8'), name);
}
