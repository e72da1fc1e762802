import type { ZhiduDocument } from '../schema/document.js';

// every field of the document model that holds a [start, end) span, or a list of them
const SPAN_KEYS = new Set(['span', 'sentence', 'headingSpan', 'titleSpan', 'duplicateOf']);
const SPAN_LIST_KEYS = new Set(['paragraphs', 'clauses']);

/**
 * The document with every span in code points instead of UTF-16 code units, for Python (`text[a:b]` counts
 * code points) and R: identical unless the text has characters beyond the Basic Multilingual Plane (𠀀).
 */
export function withCodePointOffsets(doc: ZhiduDocument): ZhiduDocument {
  const text = doc.text;
  const out = structuredClone(doc);
  out.zhidu.offsets = 'codepoint';
  // without the u flag, so that a surrogate pair is seen as its two code units
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return out;
  // cp[i] = number of code points before UTF-16 offset i
  const cp = new Int32Array(text.length + 1);
  for (let i = 0, n = 0; i <= text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  const fix = (s: unknown): unknown => (Array.isArray(s) && s.length === 2 && typeof s[0] === 'number' && typeof s[1] === 'number' ? [cp[s[0]], cp[s[1]]] : s);
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (SPAN_KEYS.has(k)) o[k] = fix(v);
      else if (SPAN_LIST_KEYS.has(k) && Array.isArray(v)) o[k] = v.map(fix);
      else if (k !== 'text') walk(v);
    }
  };
  for (const [k, v] of Object.entries(out)) if (k !== 'text' && k !== 'zhidu') walk(v);
  return out;
}
