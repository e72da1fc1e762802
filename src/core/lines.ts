export interface Line { start: number; end: number; text: string }

/** Lines of a string with their offsets; `end` excludes the newline. */
export function splitLines(s: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s.charCodeAt(i) === 10) {
      out.push({ start, end: i, text: s.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/** The span of a line without its leading and trailing white space. */
export function trimmed(l: Line): [number, number] {
  const lead = l.text.length - l.text.trimStart().length;
  const trail = l.text.length - l.text.trimEnd().length;
  return [l.start + lead, Math.max(l.start + lead, l.end - trail)];
}
