import { existsSync, readFileSync } from 'node:fs';

/** File extensions a folder of inputs is read for (corpus runs and compare). */
export const SUPPORTED_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.pdf', '.docx']);

/** A manifest entry for a file, when the file sits in a corpus folder with manifest.json. */
/** A manifest entry: the file, how it is named, and any variables the researcher keeps (family, level …). */
export interface ManifestEntry { id?: string; file: string; label?: string; place?: string | null; year?: number | null; type?: string; [variable: string]: unknown }

/**
 * The documents a manifest file lists (`{ documents: [{ file, id, label, place, year, type }] }`), or null
 * when there is no such file or it lists no documents. Malformed JSON throws.
 */
export function readManifest(path: string): ManifestEntry[] | null {
  if (!existsSync(path)) return null;
  const m = JSON.parse(readFileSync(path, 'utf8')) as { documents?: unknown };
  return Array.isArray(m.documents) ? (m.documents as ManifestEntry[]) : null;
}
