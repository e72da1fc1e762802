/** Half-open `[start, end)` offsets in UTF-16 code units into the source `text`. */
export type Span = [number, number];

export const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
export const contains = (outer: Span, inner: Span): boolean => outer[0] <= inner[0] && inner[1] <= outer[1];
export const sliceSpan = (text: string, s: Span): string => text.slice(s[0], s[1]);

/** Sorted, non-overlapping spans: binary search for the one that overlaps `s`. */
export function findOverlapping<T extends { span: Span }>(sorted: readonly T[], s: Span): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid]!.span;
    if (m[1] <= s[0]) lo = mid + 1;
    else if (m[0] >= s[1]) hi = mid - 1;
    else return sorted[mid];
  }
  return undefined;
}
