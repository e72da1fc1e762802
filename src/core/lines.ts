export interface Line { start: number; end: number; text: string }

let lastText: string | null = null;
let lastLines: readonly Line[] = [];

/**
 * Lines of a string with their offsets; `end` excludes the newline. Boilerplate, structure and metadata
 * each read the lines of the same normalised text, so the last text's lines are kept (read-only) and shared.
 */
export function splitLines(s: string): readonly Line[] {
  if (s === lastText) return lastLines;
  const out: Line[] = [];
  let start = 0;
  for (let nl = s.indexOf('\n'); ; nl = s.indexOf('\n', start)) {
    const end = nl < 0 ? s.length : nl;
    out.push({ start, end, text: s.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  lastText = s;
  lastLines = Object.freeze(out);
  return lastLines;
}

/** The span of a line without its leading and trailing white space. */
export function trimmed(l: Line): [number, number] {
  const lead = l.text.length - l.text.trimStart().length;
  const trail = l.text.length - l.text.trimEnd().length;
  return [l.start + lead, Math.max(l.start + lead, l.end - trail)];
}
