/** Chinese numerals, including 大写 forms and digit-by-digit years (二〇二二). */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9, 貳: 2, 參: 3, 陸: 6,
};
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億貳參陸';

const CN_NUMERAL_RE = new RegExp(`^[${CN_NUMERAL_CHARS}]+(?:点[${CN_NUMERAL_CHARS}]+)?$`, 'u');
/** Whether a string is written in Chinese numerals (十二, 二〇二二, 十二点五), not in digits. */
export const isCnNumeral = (s: string) => CN_NUMERAL_RE.test(s);

/** Value of a Chinese numeral string, or null when it is not one. */
export function parseCnNumber(s: string): number | null {
  if (!s) return null;
  // 十二点五, 六点五, 十二点五亿: a decimal point, digits after it, and an optional magnitude at the end
  const dot = s.indexOf('点');
  if (dot >= 0) return decimal(s.slice(0, dot), s.slice(dot + 1));
  if ([...s].every((c) => c in DIGITS)) {
    if (s.length === 1) return DIGITS[s]!;
    // 二〇二二: read digit by digit (但 两两 is not a number)
    if (s.includes('两')) return null;
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL) {
      section += (digit ?? 1) * SMALL[c]!;
      digit = null;
    } else if (c in BIG) {
      const big = BIG[c]!;
      section += digit ?? 0;
      if (section === 0) section = 1;
      total = big > 1e4 ? (total + section) * big : total + section * big;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** An Arabic number as written: half-width digits, optional thousands separators (, or 、) and decimals. */
export function parseArabic(s: string): number | null {
  const t = s.replace(/[,、]/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

function decimal(whole: string, rest: string): number | null {
  let frac = rest;
  let scale = 1;
  while (frac && !(frac.at(-1)! in DIGITS)) {
    const m = BIG[frac.at(-1)!] ?? SMALL[frac.at(-1)!];
    if (m === undefined) return null;
    scale *= m;
    frac = frac.slice(0, -1);
  }
  const w = parseCnNumber(whole);
  if (w === null || !frac || ![...frac].every((c) => c in DIGITS)) return null;
  return Number(`${w}.${[...frac].map((c) => DIGITS[c]).join('')}`) * scale;
}

export function parseAnyNumber(s: string): number | null {
  return /^[\d.,、]+$/.test(s) ? parseArabic(s) : parseCnNumber(s);
}
