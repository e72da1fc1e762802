#!/usr/bin/env node
// Regenerates extractors/normalize/t2s.txt from OpenCC's dictionaries (through opencc-js, Apache-2.0): every
// traditional character (Taiwan, Hong Kong and OpenCC's own standard forms) that converts to one different
// simplified character, one for one, as the normalised view needs. Phrases are left out: the view keeps one
// code unit for one, and a character of GB2312 (written in simplified texts too: 著, 乾) is kept as it is.
// usage: node scripts/t2s-from-opencc.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const converters = ['t', 'tw', 'hk'].map((from) => OpenCC.Converter({ from, to: 'cn' }));
const pairs = new Map();
for (let c = 0x3400; c <= 0x9fff; c++) {
  if (c > 0x4dbf && c < 0x4e00) continue;
  const ch = String.fromCharCode(c);
  // a character of GB2312 is written in simplified texts too (著名, 乾坤): it is never rewritten
  const gbk = iconv.encode(ch, 'gbk');
  if (gbk.length === 2 && gbk[0] >= 0xb0 && gbk[0] <= 0xf7 && gbk[1] >= 0xa1 && gbk[1] <= 0xfe) continue;
  for (const conv of converters) {
    const to = conv(ch);
    if (to.length === 1 && to !== ch && !pairs.has(ch)) pairs.set(ch, to);
  }
}
// traditional forms that GB2312 also encodes but simplified texts write otherwise
for (const [t, to] of [['於', '于'], ['後', '后'], ['裡', '里'], ['麼', '么'], ['隻', '只'], ['準', '准'], ['週', '周'], ['並', '并']]) if (!pairs.has(t)) pairs.set(t, to);
const lines = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([t, s]) => `${t} ${s}`);
writeFileSync(join(root, 'extractors', 'normalize', 't2s.txt'), [
  '# Traditional → simplified, one character for one, for the normalised view (the source text is never changed).',
  "# Generated from OpenCC's dictionaries (https://github.com/BYVoid/OpenCC, Apache-2.0) by",
  '# scripts/t2s-from-opencc.mjs: regenerate rather than edit by hand.',
  ...lines, '',
].join('\n'));
console.log(`${lines.length} characters`);
