import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';

import { readManifest, SUPPORTED_EXTENSIONS } from './manifest.js';

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

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * The inputs of a corpus run, in a stable order: a folder (its manifest.json if it has one, else every
 * supported file below it), a glob (`corpus/**\/*.txt`), a manifest file, or plain files. Missing paths stay
 * in the list so the run reports them as errors instead of dropping them.
 */
export function* corpusInputs(inputs: string[]): Generator<string> {
  for (const inp of inputs) {
    if (/[*?]/.test(inp)) {
      const first = inp.search(/[*?]/);
      const base = inp.slice(0, first).includes('/') ? inp.slice(0, inp.slice(0, first).lastIndexOf('/')) || '/' : '.';
      const re = globToRegex(relative(base, inp).split(sep).join('/'));
      if (!existsSync(base)) continue;
      for (const f of walk(base)) if (re.test(relative(base, f).split(sep).join('/'))) yield f;
    } else if (existsSync(inp) && statSync(inp).isDirectory()) {
      const man = join(inp, 'manifest.json');
      if (readManifest(man)) yield* fromManifest(man);
      else for (const f of walk(inp)) if (SUPPORTED_EXTENSIONS.has(extname(f).toLowerCase())) yield f;
    } else if (inp.endsWith('.json') && existsSync(inp) && isManifest(inp)) {
      yield* fromManifest(inp);
    } else {
      yield inp;
    }
  }
}

function isManifest(p: string): boolean {
  try {
    return readManifest(p) !== null;
  } catch {
    return false;
  }
}

function* fromManifest(p: string): Generator<string> {
  for (const d of readManifest(p) ?? []) yield join(dirname(p), d.file);
}
