import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rules } from '../packs/index.js';

// The only file that touches nodejieba: its dictionary is process-wide state.
const require = createRequire(import.meta.url);
interface Jieba {
  load(o: { userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(s: string, hmm?: boolean): string[];
  tag(s: string): { word: string; tag: string }[];
}
let jieba: Jieba | null = null;
let loadedDict: string | null = null;

/** Write a rule-pack file where nodejieba can read it, named by content so concurrent workers agree. */
function materialise(name: string, content: string): string {
  const dir = join(tmpdir(), 'zhidu-jieba');
  const path = join(dir, `${createHash('sha256').update(content).digest('hex').slice(0, 16)}-${name}`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    // rename is atomic: another worker never reads a half-written dictionary
    require('node:fs').renameSync(tmp, path);
  }
  return path;
}

/**
 * Load nodejieba once per process with the domain dictionary. The keyword IDF table and stop-word list are
 * not used by zhidu, so one-line stand-ins are loaded instead of the 6 MB defaults.
 */
export function getJieba(rules: Rules): Jieba {
  if (jieba && loadedDict === rules.segmentDict) return jieba;
  const j = require('nodejieba') as Jieba;
  j.load({
    userDict: materialise('user.dict.utf8', rules.segmentDict),
    idfDict: materialise('idf.utf8', '的 1.0\n'),
    stopWordDict: materialise('stop.utf8', '的\n'),
  });
  jieba = j;
  loadedDict = rules.segmentDict;
  return j;
}
