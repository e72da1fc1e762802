import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Rules } from '../packs/index.js';

// The only file that touches nodejieba: its dictionary is process-wide state.
const require = createRequire(import.meta.url);
export interface Jieba {
  load(o: { dict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(s: string, hmm?: boolean): string[];
  tag(s: string): { word: string; tag: string }[];
}
let jieba: Jieba | null = null;
let loadedDict: string | null = null;
let loadedMain: string | undefined;
let tagMap: Map<string, string> | null = null;

/** Write a rule-pack file where nodejieba can read it, named by content so concurrent workers agree. */
function materialise(name: string, content: string): string {
  const dir = join(tmpdir(), 'zhidu-jieba');
  const path = join(dir, `${createHash('sha256').update(content).digest('hex').slice(0, 16)}-${name}`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    // rename is atomic: another worker never reads a half-written dictionary
    renameSync(tmp, path);
  }
  return path;
}

/** The installed nodejieba's version: names the trimmed dictionary and the self-check's segmenter. */
const nodejiebaVersion = () => (require('nodejieba/package.json') as { version: string }).version;

/**
 * nodejieba's main dictionary without its rarest words, cached in the temp folder under a name that changes
 * when the source dictionary or the threshold does: nodejieba's version and the dictionary's size (not its
 * modification time, which every reinstall changes: the temp folder would gain a 1.5 MB copy each time).
 */
function mainDict(j: { DEFAULT_DICT?: string }, minFreq: number): string | undefined {
  const full = j.DEFAULT_DICT;
  if (!full || minFreq <= 0) return undefined;
  const version = nodejiebaVersion();
  const path = join(tmpdir(), 'zhidu-jieba', `main-${version}-${statSync(full).size}-f${minFreq}.dict.utf8`);
  if (!existsSync(path)) {
    const kept = readFileSync(full, 'utf8').split('\n').filter((l) => {
      const f = Number(l.split(' ')[1]);
      return l && f >= minFreq;
    });
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, kept.join('\n') + '\n');
    renameSync(tmp, path);
  }
  return path;
}

/**
 * Load nodejieba once per process with the domain dictionary and the trimmed main dictionary. The keyword
 * IDF table and stop-word list are not used by zhidu, so one-line stand-ins are loaded instead of the defaults.
 */
export function getJieba(rules: Rules): Jieba {
  if (jieba && loadedDict === rules.segmentDict) return jieba;
  const j = require('nodejieba') as Jieba & { DEFAULT_DICT?: string };
  const dict = mainDict(j, rules.mainDictMinFrequency);
  j.load({
    ...(dict ? { dict } : {}),
    userDict: materialise('user.dict.utf8', rules.segmentDict),
    idfDict: materialise('idf.utf8', '的 1.0\n'),
    stopWordDict: materialise('stop.utf8', '的\n'),
  });
  jieba = j;
  loadedDict = rules.segmentDict;
  loadedMain = dict ?? j.DEFAULT_DICT;
  tagMap = null;
  seen.clear();
  return j;
}

/**
 * cppjieba's tag for a word its dictionaries lack (PosTagger::SpecialRule): no ASCII in the first half → x;
 * only digits there → m; else eng. Its quirk is kept on purpose (a lone digit is x), so tags match `tag`.
 */
function specialTag(word: string): string {
  // a punctuation mark or a rare character: most of the misses, and one rune never has an ASCII first half
  if (word.length === 1) return 'x';
  // cppjieba counts runes (code points); a low surrogate after a high one is the same rune
  let runes = word.length;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && word.charCodeAt(i - 1) >= 0xd800 && word.charCodeAt(i - 1) <= 0xdbff) runes--;
  }
  const half = runes >> 1;
  let eng = 0;
  let m = 0;
  // code units, not runes: only ASCII counts, and no surrogate is ASCII
  for (let i = 0; i < word.length && eng < half; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) { eng++; if (c >= 0x30 && c <= 0x39) m++; }
  }
  return eng === 0 ? 'x' : m === eng ? 'm' : 'eng';
}

let segmented = 0;
/** Below this many characters segmented in a process, building the tag map costs more than `tag` does. */
const TAG_MAP_AFTER = 200_000;

/**
 * Words and their parts of speech, as nodejieba's `tag` gives them. `tag` builds one JavaScript object per
 * word across the native boundary and costs twice what `cut` does, while its tags are only the
 * dictionaries': so once a process has segmented enough text to pay for it, the same dictionary files are
 * read once into a map and each word of `cut` is looked up there. A one-file run never builds the map.
 */
export function cutTagged(rules: Rules, text: string): { words: string[]; tags: string[] } {
  const j = getJieba(rules);
  segmented += text.length;
  if (!tagMap && segmented < TAG_MAP_AFTER) {
    const r = j.tag(text);
    return { words: r.map((x) => x.word), tags: r.map((x) => x.tag) };
  }
  tagMap ??= readTagMap(rules);
  const words = j.cut(text, true);
  const tags = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) tags[i] = tagOf(words[i]!);
  return { words, tags };
}

/**
 * The words seen so far and their tags. The documents of a corpus use a few thousand of the dictionary's
 * hundred thousand words, and this small map stays in the processor's cache where the large one does not:
 * a lookup costs less than half. Bounded, so that a text of endless distinct tokens cannot grow it.
 */
const seen = new Map<string, string>();
const SEEN_MAX = 50_000;

function tagOf(w: string): string {
  let t = seen.get(w);
  if (t === undefined) {
    t = tagMap!.get(w) || specialTag(w);
    if (seen.size < SEEN_MAX) seen.set(w, t);
  }
  return t;
}

function readTagMap(rules: Rules): Map<string, string> {
  const map = new Map<string, string>();
  if (loadedMain) {
    for (const line of readFileSync(loadedMain, 'utf8').split('\n')) {
      const f = line.trim().split(/\s+/);
      if (f[0] && f[2]) map.set(f[0], f[2]);
    }
  }
  // a user word: `word`, `word tag` or `word freq tag` (cppjieba reads a second field as the tag); it
  // replaces a main-dictionary entry of the same word, an empty tag included
  for (const line of rules.segmentDict.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!f[0] || f[0].startsWith('#')) continue;
    map.set(f[0], f.length === 2 ? f[1]! : f.length >= 3 ? f[2]! : '');
  }
  return map;
}

/** nodejieba's version and dictionary: part of what an analysis depends on. */
export function segmenterFingerprint(): string {
  const version = nodejiebaVersion();
  const dict = (require('nodejieba') as { DEFAULT_DICT?: string }).DEFAULT_DICT;
  return `nodejieba ${version} ${dict ? statSync(dict).size : ''}`;
}
