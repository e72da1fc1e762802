import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { diskCached } from '../core/disk-cache.js';
import type { z } from 'zod';

// the parser's version is part of what a cached parse depends on
const YAML_VERSION = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;

/** `extractors/` next to the package root (dist/packs → ../../extractors). */
export const DEFAULT_PACK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'extractors');

export class PackError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'PackError';
  }
}

export interface PackSource {
  id: string;
  version: string;
  dir: string;
  hash: ReturnType<typeof createHash>;
}

export function readPackText(p: PackSource, file: string): string {
  const path = join(p.dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PackError(path, `cannot read rule file (${(e as Error).message})`);
  }
  p.hash.update(file).update('\0').update(text).update('\0');
  return text;
}

/** A `.txt` lexicon: one entry per line, `#` comments; each line split on white space. */
export function readLexicon(p: PackSource, file: string): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  readPackText(p, file).split(/\r?\n/).forEach((line, i) => {
    const t = line.replace(/#.*$/, '').trim();
    if (!t) return;
    const fields = t.split(/\s+/);
    if (seen.has(fields[0]!)) throw new PackError(join(p.dir, file), `line ${i + 1}: duplicate entry "${fields[0]}"`);
    seen.add(fields[0]!);
    out.push(fields);
  });
  return out;
}

export function readYaml<T extends z.ZodTypeAny>(p: PackSource, file: string, schema: T): z.infer<T> {
  const path = join(p.dir, file);
  let data: unknown;
  try {
    const text = readPackText(p, file);
    // parsing YAML is most of a pack's load time; the parsed tree of the same text is the same
    data = diskCached('yaml', `${YAML_VERSION}\n${text}`, () => parseYaml(text) as unknown);
  } catch (e) {
    throw new PackError(path, `not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new PackError(path, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

export function openPack(root: string, id: string, manifestSchema: z.ZodTypeAny): { src: PackSource; manifest: PackManifest } {
  const dir = join(root, id);
  const src: PackSource = { id, version: '0.0.0', dir, hash: createHash('sha256') };
  const manifest = readYaml(src, 'pack.yaml', manifestSchema) as PackManifest;
  if (manifest.id !== id) throw new PackError(join(dir, 'pack.yaml'), `id "${manifest.id}" does not match its folder "${id}"`);
  src.version = manifest.version;
  return { src, manifest };
}

export interface PackManifest {
  id: string;
  version: string;
  description: string;
  files: string[];
  examples?: Record<string, unknown>[];
  counterexamples?: string[];
}

/** Compile a regex from pack data, naming the file when it is malformed. */
export function compileRegex(p: PackSource, file: string, source: string, flags = 'u'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new PackError(join(p.dir, file), `bad pattern /${source}/: ${(e as Error).message}`);
  }
}

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternation of literal words, longest first so the longest one wins. */
export const alternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegex).join('|');
