import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ManifestEntry } from './manifest.js';

/** A document's variables: the researcher's own columns (place, family, year …), carried into every row. */
export type DocVars = Record<string, string | number | boolean | null>;

/** A document's id and variables, with the order of the variable columns shared by the whole run. */
export interface DocRef { docId: string; vars: DocVars; varNames: string[] }

const SKIP = new Set(['file', 'gold', 'id', 'source']);

/** The scalar fields of a manifest entry, as variables. */
export function manifestVars(entry: ManifestEntry | undefined): DocVars {
  const out: DocVars = {};
  for (const [k, v] of Object.entries(entry ?? {})) {
    if (SKIP.has(k)) continue;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}

/**
 * Variables from a metadata CSV (`--meta docvars.csv`), joined on the file name: a column `file` (or `doc`,
 * `filename`) names the document, every other column is a variable. Returns file name → variables.
 */
export function readMetaCsv(path: string): Map<string, DocVars> {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, DocVars>();
  for (const r of rows) {
    const key = r.file ?? r.doc ?? r.filename;
    if (!key) continue;
    const vars: DocVars = {};
    for (const [k, v] of Object.entries(r)) if (!['file', 'doc', 'filename'].includes(k)) vars[k] = /^-?\d+(?:\.\d+)?$/.test(v) ? Number(v) : v;
    out.set(basename(key), vars);
  }
  return out;
}

/**
 * Variables from a file name (`--docvars-from-name '{place}_{family}_{year}'`, as readtext does): the name
 * without its extension is split on the pattern's literal separators; a name that does not fit gives none.
 */
export function varsFromName(pattern: string, path: string): DocVars {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([A-Za-z_][\w-]*)\}/g, (_, n: string) => { names.push(n); return '(.+?)'; })}$`, 'u');
  const m = re.exec(basename(path, extname(path)));
  if (!m) return {};
  const out: DocVars = {};
  names.forEach((n, i) => { const v = m[i + 1]!; out[n] = /^\d+$/.test(v) ? Number(v) : v; });
  return out;
}
