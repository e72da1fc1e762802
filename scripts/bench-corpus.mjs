// Synthetic corpora for the benchmarks, built from the bundled documents so they run anywhere, and the same
// bytes on every run (a fixed-seed PRNG).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function prng(seed) {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return { rand, pick: (a) => a[Math.floor(rand() * a.length)] };
}

const CN = ['一', '两', '三', '四', '五', '六', '七', '八', '九'];

/** Self-building opinions: seed paragraphs recombined under new titles and sections, their numbers varied. */
export function makeOpinions(dir, targetBytes, seed = 20261124) {
  const { rand, pick } = prng(seed);
  mkdirSync(dir, { recursive: true });
  const corpus = join(root, 'corpora', 'renda');
  const paras = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().flatMap((f) =>
    readFileSync(join(corpus, f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 30 && !/^[一二三四五六七八九十]+、/.test(l)));
  const places = ['长春市', '濮阳市', '东城区', '洛阳市', '临沂市', '九江市', '海淀区', '宁乡县', '余杭区', '昆山市'];
  const heads = ['加强思想建设，把握正确政治方向', '加强能力建设，提高依法履职水平', '加强制度建设，规范依法履职行为', '加强作风建设，树立依法履职新风', '加强纪律建设，提升依法履职形象'];
  let total = 0;
  let n = 0;
  while (total < targetBytes) {
    const place = pick(places);
    const year = 2015 + Math.floor(rand() * 10);
    const lines = [`${place}人民代表大会常务委员会关于加强自身建设的意见`, `（${year}年${1 + Math.floor(rand() * 12)}月${1 + Math.floor(rand() * 28)}日${place}第十六届人民代表大会常务委员会第${CN[Math.floor(rand() * 9)]}次会议通过）`];
    let art = 1;
    for (let s = 0; s < 5; s++) {
      lines.push(`${CN[s] === '两' ? '二' : CN[s]}、${heads[s]}`);
      const k = 3 + Math.floor(rand() * 4);
      for (let a = 0; a < k; a++) {
        const p = pick(paras).replace(/^\d+[.、]/, '').replace(/\d+/g, (d) => String(1 + Math.floor(rand() * 10 ** Math.min(d.length, 4))));
        lines.push(`${art++}.${p}`);
      }
    }
    const text = lines.join('\n') + '\n';
    writeFileSync(join(dir, `doc${String(n).padStart(5, '0')}.txt`), text);
    total += Buffer.byteLength(text);
    n++;
  }
  return { docs: n, bytes: total };
}

const PLACES = ['石家庄市', '唐山市', '邯郸市', '太原市', '大同市', '包头市', '鞍山市', '抚顺市', '吉林市', '齐齐哈尔市', '无锡市', '徐州市', '温州市', '绍兴市', '芜湖市', '蚌埠市', '泉州市', '漳州市', '赣州市', '淄博市', '烟台市', '开封市', '洛阳市', '宜昌市', '襄阳市', '株洲市', '湘潭市', '汕头市', '佛山市', '柳州市', '桂林市', '绵阳市', '遵义市', '曲靖市', '宝鸡市', '天水市', '西宁市', '银川市', '克拉玛依市', '三亚市'];

/**
 * A city-level corpus of `count` regulations: each a bundled local regulation under another place's name,
 * with its numbers, dates and a few of its articles changed, so that documents are similar but not copies.
 */
export function makeRegulations(dir, count, seed = 3000) {
  const { rand, pick } = prng(seed);
  mkdirSync(dir, { recursive: true });
  const regDir = join(root, 'corpora', 'regulations');
  const sources = readdirSync(regDir).filter((f) => f.endsWith('.txt') && !f.includes('_national_')).sort().map((f) => readFileSync(join(regDir, f), 'utf8'));
  let total = 0;
  for (let n = 0; n < count; n++) {
    const src = pick(sources);
    const place = pick(PLACES);
    const year = 2000 + Math.floor(rand() * 25);
    // the province or city the title names, everywhere it is named, becomes the new place
    const own = /^(?:#\s*)?([\u4e00-\u9fa5]{2,6}?(?:省|市|自治区))/u.exec(src)?.[1];
    let text = (own ? src.split(own).join(place) : src)
      .replace(/(\d{4})年/gu, () => `${year}年`)
      .replace(/([一二三四五六七八九十])(日|个月|名|人|次)/gu, (m, d, u) => (rand() < 0.3 ? `${pick(CN.filter((c) => c !== '两'))}${u}` : m));
    // drop one article in ten, so no two documents align article for article
    text = text.split('\n').filter((l) => !(/^第[一二三四五六七八九十百]+条/u.test(l) && rand() < 0.1)).join('\n');
    writeFileSync(join(dir, `reg${String(n).padStart(5, '0')}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return { docs: count, bytes: total };
}
