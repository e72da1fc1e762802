/**
 * The characters text reuse compares: ideographs of the basic CJK block, digits and Latin letters.
 * Punctuation, spaces and line breaks differ between copies of the same passage and are skipped.
 */
export const isLetter = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

// the same class as isLetter, negated
const NOT_LETTER = /[^\u4e00-\u9fa5\dA-Za-z]/gu;

/** A text's letters only (isLetter), in order. */
export const lettersOf = (s: string): string => s.replace(NOT_LETTER, '');
