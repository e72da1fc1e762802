import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PACK_DIR } from '../packs/read.js';
import { ZhiduError } from '../core/errors.js';

export interface Decoded { text: string; encoding: string }

const utf8 = new TextDecoder('utf-8', { fatal: true });

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that are CJK, ASCII printable, CJK punctuation or white space: real text scores near 1. */
function plausibility(s: string): number {
  if (!s.length) return 0;
  let good = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // common CJK (U+4E00–U+9FA5): random bytes decoded as GB18030 or UTF-16 land mostly elsewhere
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x4e00 && c <= 0x9fa5) ||
      (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027) || c === 0xa0) good++;
  }
  return good / [...s].length;
}

let common: Set<string> | null = null;
/** The share of Chinese characters that are among the most common ones (extractors/normalize/common.txt). */
function commonness(s: string): number {
  if (!common) {
    const file = join(DEFAULT_PACK_DIR, 'normalize', 'common.txt');
    common = new Set([...readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('#')).join('')]);
  }
  let han = 0;
  let hit = 0;
  for (const ch of s.slice(0, 20000)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x4e00 || c > 0x9fff) continue;
    han++;
    if (common.has(ch)) hit++;
  }
  return han ? hit / han : 0;
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // CJK and ASCII text in UTF-16 has a zero byte in one parity far more often than in the other
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Binary data: NUL bytes or many control characters outside any UTF-16 pattern. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) ctrl++;
  }
  return n > 0 && ctrl / n > 0.1;
}

/**
 * Decode text bytes: a BOM decides; else strict UTF-8; else UTF-16 by zero-byte pattern; else GB18030 if the
 * result reads as Chinese text. GB18030 accepts almost any byte sequence, so it is checked, not assumed.
 */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictUtf16('utf-16le', bytes.subarray(2), file), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictUtf16('utf-16be', bytes.subarray(2), file), encoding: 'utf-16be' };
  const u16 = looksUtf16(bytes);
  if (u16) {
    const text = tryDecode(u16, bytes);
    if (text !== null && plausibility(text) > 0.9) return { text, encoding: u16 };
  }
  // valid UTF-8 with a stray NUL far into the file is still text (the NUL stays in `text`, JSON escapes it)
  if (!bytes.includes(0) || !looksBinary(bytes)) {
    const text = tryDecode('utf-8', bytes);
    if (text !== null) return { text, encoding: 'utf-8' };
  }
  // no BOM and not UTF-8: the candidate that reads most like Chinese text wins (UTF-16 of CJK has no zero bytes)
  const cands: { text: string; encoding: string; score: number; common: number }[] = [];
  for (const enc of ['gb18030', 'big5', 'utf-16le', 'utf-16be']) {
    if (enc.startsWith('utf-16') && bytes.length % 2) continue;
    const text = tryDecode(enc, bytes);
    if (text !== null) cands.push({ text, encoding: enc, score: plausibility(text), common: commonness(text) });
  }
  // GB18030 and Big5 both decode each other's bytes into Chinese-looking text: the one made of common
  // characters is the right one
  cands.sort((a, b) => b.score + b.common - (a.score + a.common));
  if (cands[0] && cands[0].score > 0.9) return { text: cands[0].text, encoding: cands[0].encoding };
  if (looksBinary(bytes)) throw new ZhiduError({ code: 'input/binary', stage: 'ingest', file, message: 'binary data, not text' });
  throw new ZhiduError({ code: 'input/unknown-encoding', stage: 'ingest', file, message: 'bytes are not valid UTF-8, UTF-16 or GB18030 text' });
}

/** UTF-16 after a byte-order mark; an unpaired surrogate makes it invalid text, said as such (not a crash). */
function strictUtf16(enc: 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw new ZhiduError({ code: 'input/unknown-encoding', stage: 'ingest', file, message: `has a ${enc.toUpperCase()} byte-order mark but invalid ${enc.toUpperCase()} (an unpaired surrogate or an odd byte count)` });
  }
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ZhiduError({ code: 'input/unknown-encoding', stage: 'ingest', file, message: 'has a UTF-8 byte-order mark but invalid UTF-8 bytes' });
  }
}
