import type { Quantity } from '../schema/document.js';

const CMP: Record<string, string> = { eq: '', gte: '≥', lte: '≤', gt: '>', lt: '<' };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e4) / 1e4));

/** Compact normal form for tables: ≥3 名, 1–3 个, ≈10 户, X 次, ≥2/3. */
export function quantityText(q: Quantity | null): string {
  if (!q) return '';
  const unit = q.unit ? ` ${q.unit}` : '';
  if (q.comparator === 'range') return `${q.min === null ? 'X' : fmt(q.min)}–${q.max === null ? 'X' : fmt(q.max)}${unit}`;
  let v = q.redacted ? 'X' : q.value === null ? '?' : fmt(q.value);
  if (q.unit === '' && q.value !== null && q.value > 0 && q.value < 1) {
    const thirds = Math.round(q.value * 3);
    if (Math.abs(q.value - thirds / 3) < 1e-3 && thirds % 3) v = `${thirds}/3`;
  }
  return `${q.approx ? '≈' : ''}${CMP[q.comparator] ?? ''}${v}${unit}`;
}

/** A CSV/Markdown-safe one-liner. */
export const oneLine = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A Markdown table cell: one line, pipes escaped. */
export const mdCell = (s: string | null | undefined): string => oneLine(s).replace(/\|/g, '\\|');
