import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ZhiduError } from '../core/errors.js';

import { readManifest, type ManifestEntry } from './manifest.js';

/** A glob pattern (`*`, `**`, `?`) as a regular expression over /-separated relative paths. */
function globToRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') { re += '.*'; i++; if (pattern[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** An input and, when it cannot be processed as such, why: it becomes an error record in its place. */
export interface CorpusInput { path: string; refused?: ZhiduError; entry?: ManifestEntry }

/**
 * Files below a folder, sorted. A symbolic link that points nowhere or into a loop is yielded with its
 * reason (one error record, the run goes on); a folder reached twice through links is walked once.
 */
function* walk(dir: string, seen = new Set<string>()): Generator<CorpusInput> {
  let real: string;
  try { real = realpathSync(dir); } catch { return; }
  // a folder already walked, or the run's own --out folder (seeded into `seen`), is not walked again
  if (seen.has(real)) return;
  seen.add(real);
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      if (lstatSync(p).isSymbolicLink()) {
        yield { path: p, refused: new ZhiduError({ code: 'input/unreadable-link', stage: 'ingest', file: p, message: `symbolic link that points nowhere or into a loop (${(e as NodeJS.ErrnoException).code})` }) };
      }
      continue;
    }
    if (st.isDirectory()) yield* walk(p, seen);
    else yield { path: p };
  }
}

/** A manifest entry's file, or its refusal when it points outside the manifest's folder (../../etc/passwd). */
export function manifestEntryPath(manifest: string, file: string, allowOutside = false): CorpusInput {
  const base = dirname(resolve(manifest));
  const p = join(dirname(manifest), file);
  const rel = relative(base, resolve(p));
  if (!allowOutside && (isAbsolute(file) || rel.startsWith('..') || isAbsolute(rel))) {
    return { path: p, refused: new ZhiduError({ code: 'input/outside-corpus', stage: 'ingest', file: p, message: `manifest entry "${file}" points outside its corpus folder ${base}; refused (use --allow-outside to read it)` }) };
  }
  return { path: p };
}

/**
 * The inputs of a corpus run, in a stable order: a folder (its manifest.json if it has one, else every
 * supported file below it), a glob (`corpus/**\/*.txt`), a manifest file, or plain files. Missing paths stay
 * in the list so the run reports them as errors instead of dropping them.
 */
export function* corpusInputs(inputs: string[], opts: { allowOutside?: boolean; exclude?: string } = {}): Generator<CorpusInput> {
  const outDir = (() => { try { return opts.exclude ? realpathSync(opts.exclude) : null; } catch { return null; } })();
  // the --out folder below an input folder is skipped; --out equal to the input folder is not (its outputs are
  // never documents, see NOT_DOCUMENTS)
  const fresh = (root: string) => { let r = ''; try { r = realpathSync(root); } catch { /* missing */ } return new Set(outDir && outDir !== r ? [outDir] : []); };
  for (const inp of inputs) {
    if (/[*?]/.test(inp)) {
      const first = inp.search(/[*?]/);
      const base = inp.slice(0, first).includes('/') ? inp.slice(0, inp.slice(0, first).lastIndexOf('/')) || '/' : '.';
      const re = globToRegex(relative(base, inp).split(sep).join('/'));
      if (!existsSync(base)) continue;
      for (const f of walk(base, fresh(base))) if (re.test(relative(base, f.path).split(sep).join('/'))) yield f;
    } else if (existsSync(inp) && statSync(inp).isDirectory()) {
      const man = join(inp, 'manifest.json');
      if (readManifest(man)) yield* fromManifest(man, opts.allowOutside);
      // every file of the folder is an input: one of an unsupported format becomes its error record, never
      // silently skipped; hidden files, manifests and zhidu's own outputs are not documents
      else for (const f of walk(inp, fresh(inp))) if (f.refused || isDocumentCandidate(f.path)) yield f;
    } else if (inp.endsWith('.json') && existsSync(inp) && isManifest(inp)) {
      yield* fromManifest(inp, opts.allowOutside);
    } else {
      yield { path: inp };
    }
  }
}

const NOT_DOCUMENTS = new Set(['manifest.json', 'zhidu-run.json', 'progress.jsonl', 'documents.jsonl', 'documents.json', 'documents.csv', 'obligations.jsonl', 'statistics.jsonl', 'named-numbers.jsonl', 'errors.jsonl', 'obligations.csv', 'statistics.csv', '.zhidu-run.lock']);

function isDocumentCandidate(p: string): boolean {
  const name = p.split(/[\\/]/).pop() ?? '';
  if (name.startsWith('.') || NOT_DOCUMENTS.has(name) || name.endsWith('.tmp') || name.endsWith('.resume-tmp')) return false;
  return true;
}

function isManifest(p: string): boolean {
  try {
    return readManifest(p) !== null;
  } catch {
    return false;
  }
}

function* fromManifest(p: string, allowOutside = false): Generator<CorpusInput> {
  for (const d of readManifest(p) ?? []) yield { ...manifestEntryPath(p, d.file, allowOutside), entry: d };
}
