/**
 * The code units a match of a regex can begin with, read from its source, or null when that cannot be
 * told: the pattern can match the empty string, or it begins with a construct this reader does not
 * follow (`.`, \w, \s, \p{…}, a negated class, a backreference). Lookarounds are skipped (they only narrow
 * the set), so the answer may be larger than the truth but never smaller: a scan that tries the regex only
 * where one of these code units stands finds every match a scan of every position finds.
 */
export function firstChars(source: string, limit = Infinity): Set<number> | null {
  const r = new Reader(source, false, limit);
  try {
    const f = r.alternation();
    if (r.i !== source.length || f.nullable || f.first === null) return null;
    return f.first;
  } catch {
    return null;
  }
}

/**
 * What can begin a piece of pattern (null: anything), whether it can match nothing, the most code units it
 * can match (Infinity: unbounded), and the literal code unit it is when it is one plain character.
 */
interface First { first: Set<number> | null; nullable: boolean; max: number; lit: string | null }

/**
 * A literal every match contains and the most code units a match can have before it, read from the
 * pattern's top-level sequence; null when there is none (a top-level alternation, no literal of two or more
 * characters after a bounded lead). A search can then look for the literal and try the regex, anchored,
 * only within `maxBefore` code units before each occurrence (see Scanner).
 */
export function anchorOf(source: string, unicode: boolean): { literal: string; maxBefore: number } | null {
  // only lengths and literals are wanted here: a limit of 0 keeps the reader from enumerating any class
  const r = new Reader(source, unicode, 0);
  let best: { literal: string; maxBefore: number } | null = null;
  try {
    let before = 0;
    let run = '';
    let runBefore = 0;
    const endRun = () => {
      // the longest run wins: a longer literal is rarer, and its occurrences are fewer places to try
      if (run.length >= 2 && Number.isFinite(runBefore) && (!best || run.length > best.literal.length)) best = { literal: run, maxBefore: runBefore };
      run = '';
    };
    while (r.i < source.length) {
      if (source[r.i] === '|') return null;
      const item = r.quantified();
      if (item.lit !== null) {
        if (!run) runBefore = before;
        run += item.lit;
      } else endRun();
      before += item.max;
    }
    endRun();
  } catch {
    return null;
  }
  return best;
}

/** The code units of a and b in a new set; past `limit` it is null: anything. */
const union = (a: Set<number> | null, b: Set<number> | null, limit: number): Set<number> | null => {
  if (a === null || b === null) return null;
  const out = new Set(a);
  for (const c of b) out.add(c);
  return out.size > limit ? null : out;
};
const DIGITS = [...'0123456789'].map((c) => c.charCodeAt(0));

class Reader {
  i = 0;
  /**
   * @param unicode a /u pattern: a class or `.` may match a surrogate pair, two code units
   * @param limit past this many first characters the answer is null (a script's worth filters nothing), and
   * a class that large is not enumerated
   */
  constructor(readonly s: string, readonly unicode = false, readonly limit = Infinity) {}

  alternation(): First {
    let acc = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      const b = this.sequence();
      // an alternation is no one literal
      acc = { first: union(acc.first, b.first, this.limit), nullable: acc.nullable || b.nullable, max: Math.max(acc.max, b.max), lit: null };
    }
    return acc;
  }

  sequence(): First {
    let first: Set<number> | null = new Set();
    let nullable = true;
    let max = 0;
    let only: First | null = null;
    let items = 0;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const a = this.quantified();
      // only what can come first counts: once a piece must match something, later pieces cannot begin the match
      if (nullable) first = union(first, a.first, this.limit);
      nullable = nullable && a.nullable;
      max += a.max;
      only = a;
      items++;
    }
    // a group of one plain character, (?:x), is still that literal
    return { first, nullable, max, lit: items === 1 ? only!.lit : null };
  }

  quantified(): First {
    const a = this.atom();
    const c = this.s[this.i];
    let min = 1;
    let most = 1;
    let quantified = true;
    if (c === '?') { min = 0; this.i++; } else if (c === '*') { min = 0; most = Infinity; this.i++; } else if (c === '+') { most = Infinity; this.i++; }
    else {
      const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i)) : null;
      if (m) { min = Number(m[1]); most = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity; this.i += m[0].length; } else quantified = false;
    }
    if (quantified && this.s[this.i] === '?') this.i++;
    return { first: a.first, nullable: a.nullable || min === 0, max: a.max === 0 ? 0 : a.max * most, lit: quantified ? null : a.lit };
  }

  atom(): First {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      let lookaround = false;
      if (s.startsWith('(?:', this.i)) this.i += 3;
      else if (s.startsWith('(?=', this.i) || s.startsWith('(?!', this.i)) { this.i += 3; lookaround = true; }
      else if (s.startsWith('(?<=', this.i) || s.startsWith('(?<!', this.i)) { this.i += 4; lookaround = true; }
      else if (s.startsWith('(?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      else if (s.startsWith('(?', this.i)) throw new Error('group modifier');
      else this.i++;
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      // a lookaround consumes nothing: the match begins with what follows it
      return lookaround ? { first: new Set(), nullable: true, max: 0, lit: null } : inner;
    }
    // in a /u pattern a class, `.` or a property escape may match an astral character: two code units
    const wide = this.unicode ? 2 : 1;
    if (c === '[') {
      const { set, astral } = this.charClass();
      return { first: set, nullable: false, max: astral ? wide : 1, lit: null };
    }
    if (c === '^' || c === '$') { this.i++; return { first: new Set(), nullable: true, max: 0, lit: null }; }
    if (c === '.') { this.i++; return { first: null, nullable: false, max: wide, lit: null }; }
    if (c === '\\') {
      const e = s[this.i + 1]!;
      if (e === 'b' || e === 'B') { this.i += 2; return { first: new Set(), nullable: true, max: 0, lit: null }; }
      // a backreference repeats a group: it may be empty, and what it begins with is not read here
      if (e === 'k') { this.i = s.indexOf('>', this.i) + 1; return { first: null, nullable: true, max: Infinity, lit: null }; }
      if (/[1-9]/.test(e)) { this.i += 2; while (/[0-9]/.test(s[this.i] ?? '')) this.i++; return { first: null, nullable: true, max: Infinity, lit: null }; }
      const from = this.i;
      const units = this.escape();
      // an escaped mark (\(, \.) or a \uXXXX is one literal character; \d, \w, \p{…} are sets
      const one = units !== null && units.length === 1 && !/^\\[dDwWsS]/.test(s.slice(from));
      return { first: units && new Set(units), nullable: false, max: units === null ? wide : one && units[0]! >= 0xd800 && units[0]! <= 0xdbff ? 2 : 1, lit: one && !(units[0]! >= 0xd800 && units[0]! <= 0xdfff) ? String.fromCharCode(units[0]!) : null };
    }
    // an astral character written as itself is one atom of two code units in a /u pattern
    const cp = s.codePointAt(this.i)!;
    if (this.unicode && cp > 0xffff) {
      this.i += 2;
      return { first: new Set([c.charCodeAt(0)]), nullable: false, max: 2, lit: String.fromCodePoint(cp) };
    }
    this.i++;
    return { first: new Set([c.charCodeAt(0)]), nullable: false, max: 1, lit: c };
  }

  /** The code units of an escape outside or inside a class; null for one that stands for a large set (\\w, \\s, \\p{…}). */
  escape(): number[] | null {
    const s = this.s;
    const e = s[this.i + 1]!;
    if (e === 'd') { this.i += 2; return DIGITS; }
    if (e === 'u') {
      const m = /^\\u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(s.slice(this.i));
      if (!m) throw new Error('bad \\u');
      this.i += m[0].length;
      const cp = parseInt(m[1] ?? m[2]!, 16);
      return [String.fromCodePoint(cp).charCodeAt(0)];
    }
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
    if (e in simple) { this.i += 2; return [simple[e]!]; }
    if (e === 'p' || e === 'P') { this.i = s.indexOf('}', this.i) + 1; return null; }
    this.i += 2;
    return /[A-Za-z0-9]/.test(e) ? null : [e.charCodeAt(0)];
  }

  /** The code units a class may begin with (null: too many to tell), and whether it may match an astral character. */
  charClass(): { set: Set<number> | null; astral: boolean } {
    const s = this.s;
    this.i++;
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    let out: Set<number> | null = new Set<number>();
    // a negated class, a property escape or a surrogate in the class may stand for a character beyond the BMP
    let astral = negated;
    const surrogate = (from: number, to: number) => to >= 0xd800 && from <= 0xdfff;
    const one = (): number[] | null => {
      if (s[this.i] === '\\') return this.escape();
      const cp = s.codePointAt(this.i)!;
      this.i += cp > 0xffff ? 2 : 1;
      return [cp > 0xffff ? String.fromCodePoint(cp).charCodeAt(0) : cp];
    };
    while (this.i < s.length && s[this.i] !== ']') {
      const from = one();
      if (s[this.i] === '-' && s[this.i + 1] !== ']') {
        this.i++;
        const to = one();
        if (from?.length !== 1 || to?.length !== 1) { out = null; astral = true; continue; }
        if (surrogate(from[0]!, to[0]!)) astral = true;
        if (out && out.size + to[0]! - from[0]! >= this.limit) out = null;
        for (let c = from[0]!; out && c <= to[0]!; c++) out.add(c);
      } else if (from === null) { out = null; astral = true; }
      else for (const c of from) { out?.add(c); if (surrogate(c, c)) astral = true; }
    }
    if (s[this.i] !== ']') throw new Error('unclosed class');
    this.i++;
    // everything but a few characters: no use as a filter
    return { set: negated ? null : out, astral };
  }
}
