/**
 * The matches of a global regex in `text`, as `text.matchAll(re)` gives them from the start, without the
 * copy of the regex that matchAll makes on every call: on a clause that copy costs as much as the search.
 * The regex is shared, so its lastIndex is left at 0.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex: /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    // an empty match moves on by one character (a surrogate pair is one in a unicode regex), as matchAll does
    if (m[0] === '') re.lastIndex += re.unicode && isPairAt(text, re.lastIndex) ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

function isPairAt(s: string, i: number): boolean {
  const hi = s.charCodeAt(i);
  const lo = s.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
