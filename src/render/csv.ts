/** UTF-8 byte-order mark: Excel and WPS on Chinese Windows read a CSV as UTF-8 only with it. */
export const BOM = '\uFEFF';

// a spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…) from a document's text)
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF between records. A text
 * cell that a spreadsheet would run as a formula is prefixed with an apostrophe; numbers and booleans
 * (true/false) are written as they are.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}
