/**
 * The code units a match of a regex can begin with, read from its source, or null when that cannot be
 * told: the pattern can match the empty string, or it begins with a construct this reader does not
 * follow (`.`, \w, \s, \p{…}, a negated class, a backreference). Lookarounds are skipped (they only narrow
 * the set), so the answer may be larger than the truth but never smaller: a scan that tries the regex only
 * where one of these code units stands finds every match a scan of every position finds.
 */
export function firstChars(source: string): Set<number> | null {
  const r = new Reader(source);
  try {
    const f = r.alternation();
    if (r.i !== source.length || f.nullable || f.first === null) return null;
    return f.first;
  } catch {
    return null;
  }
}

/** What can begin a piece of pattern (null: anything), and whether it can match nothing. */
interface First { first: Set<number> | null; nullable: boolean }

const union = (a: Set<number> | null, b: Set<number> | null): Set<number> | null => (a === null || b === null ? null : new Set([...a, ...b]));
const DIGITS = [...'0123456789'].map((c) => c.charCodeAt(0));

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  alternation(): First {
    let acc = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      const b = this.sequence();
      acc = { first: union(acc.first, b.first), nullable: acc.nullable || b.nullable };
    }
    return acc;
  }

  sequence(): First {
    let first: Set<number> | null = new Set();
    let nullable = true;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const a = this.quantified();
      // only what can come first counts: once a piece must match something, later pieces cannot begin the match
      if (nullable) first = union(first, a.first);
      nullable = nullable && a.nullable;
    }
    return { first, nullable };
  }

  quantified(): First {
    const a = this.atom();
    const c = this.s[this.i];
    let min = 1;
    if (c === '?' || c === '*') { min = 0; this.i++; } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i));
      if (m) { min = Number(m[1]); this.i += m[0].length; }
    }
    if (min !== 1 || c === '+' || c === '{') { if (this.s[this.i] === '?') this.i++; }
    return { first: a.first, nullable: a.nullable || min === 0 };
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
      return lookaround ? { first: new Set(), nullable: true } : inner;
    }
    if (c === '[') return { first: this.charClass(), nullable: false };
    if (c === '^' || c === '$') { this.i++; return { first: new Set(), nullable: true }; }
    if (c === '.') { this.i++; return { first: null, nullable: false }; }
    if (c === '\\') {
      const e = s[this.i + 1]!;
      if (e === 'b' || e === 'B') { this.i += 2; return { first: new Set(), nullable: true }; }
      // a backreference repeats a group: it may be empty, and what it begins with is not read here
      if (e === 'k') { this.i = s.indexOf('>', this.i) + 1; return { first: null, nullable: true }; }
      if (/[1-9]/.test(e)) { this.i += 2; while (/[0-9]/.test(s[this.i] ?? '')) this.i++; return { first: null, nullable: true }; }
      const units = this.escape();
      return { first: units && new Set(units), nullable: false };
    }
    this.i++;
    return { first: new Set([c.charCodeAt(0)]), nullable: false };
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

  charClass(): Set<number> | null {
    const s = this.s;
    this.i++;
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    let out: Set<number> | null = new Set<number>();
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
        if (from?.length !== 1 || to?.length !== 1) { out = null; continue; }
        for (let c = from[0]!; c <= to[0]!; c++) out?.add(c);
      } else if (from === null) out = null;
      else for (const c of from) out?.add(c);
    }
    if (s[this.i] !== ']') throw new Error('unclosed class');
    this.i++;
    // everything but a few characters: no use as a filter
    return negated ? null : out;
  }
}
