/** Half-open `[start, end)` offsets in UTF-16 code units into the source `text`. */
export type Span = [number, number];

export const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];

/** Sorted spans with overlapping ones merged, ready for `indexOverlapping`. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else out.push([x[0], x[1]]);
  }
  return out;
}

/** The first index whose key is ≥ `key` in items sorted by key (items.length if none). */
export function lowerBound<T>(sorted: readonly T[], key: number, keyOf: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyOf(sorted[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of an item whose span overlaps `s`, in items sorted by span and not overlapping each other; -1 if none. */
export function indexOverlapping<T>(sorted: readonly T[], s: Span, spanOf: (x: T) => Span): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = spanOf(sorted[mid]!);
    if (m[1] <= s[0]) lo = mid + 1;
    else if (m[0] >= s[1]) hi = mid - 1;
    else return mid;
  }
  return -1;
}
