#!/usr/bin/env node
// Makes the format and bad-input fixtures from seed text, with the project's own code:
// GB18030 / UTF-16 / BOM copies, an HTML page, a DOCX, a text-layer PDF, and broken files.
// usage: node scripts/fixtures.mjs [outDir]   (tests call makeFixtures() into tests/fixtures/generated)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEED = join(root, 'corpora', 'renda', '000_d228cdf30e402d53.txt');
export const SEED_HTML = join(root, 'corpora', 'renda', '001_5a972a42f7f4496e.txt');

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An HTML page around seed paragraphs, with the furniture a real site has. */
export function htmlPage(text) {
  const paras = text.split('\n').filter((l) => l.trim());
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(paras[1])}</title>
<style>p { margin: 0 } .nav { color: red }</style>
<script>var tracker = "一府一委两院 3名以上"; window.onload = function () {};</script></head>
<body><nav class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<div class="crumb">${esc(paras[0])}</div>
<h1>${esc(paras[1])}</h1>
<div class="meta">${esc(paras[2])}</div>
<div class="content">
${paras.slice(3).map((p) => `<p>${esc(p.trim())}</p>`).join('\n')}
</div>
<footer>版权所有 &copy; 2019 东城人大</footer>
</body></html>
`;
}

/** A minimal DOCX, one paragraph per line; `numbered` puts Word list numbering on the article lines. */
export async function docx(lines, numbered = false) {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  const paras = lines.map((l) => {
    const m = numbered ? /^(\d+)\.(.*)$/.exec(l) : null;
    const ppr = m ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : '';
    return `<w:p>${ppr}<w:r><w:t xml:space="preserve">${esc(m ? m[2] : l)}</w:t></w:r></w:p>`;
  }).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', date: new Date(0) });
}

/**
 * A text-layer PDF: a Type0 font with Identity-H encoding whose CIDs are the Unicode code points, and a
 * ToUnicode map, so the text layer reads back exactly. `perPage` lines per page. Options make it
 * encrypted or give it no text at all (a "scanned" page).
 */
export function pdf(paragraphs, { perPage = 60, width = 48, encrypted = false, noText = false, standardCmap = false } = {}) {
  // a page is 595pt wide at 10pt per character: paragraphs wrap, as they do in a real PDF
  const lines = paragraphs.flatMap((p) => {
    const out = [];
    for (let i = 0; i < p.length; i += width) out.push(p.slice(i, i + width));
    return out.length ? out : [''];
  });
  const pages = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  if (!pages.length) pages.push([]);
  const chars = [...new Set(lines.join(''))].filter((c) => c.codePointAt(0) <= 0xffff).sort();
  const hex4 = (c) => c.codePointAt(0).toString(16).padStart(4, '0').toUpperCase();
  const objs = [];
  const add = (body) => { objs.push(body); return objs.length; };
  const catalog = add(null);
  const pagesObj = add(null);
  const bfchars = [];
  for (let i = 0; i < chars.length; i += 100) {
    const chunk = chars.slice(i, i + 100);
    bfchars.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar`);
  }
  const cmap = `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n${bfchars.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap)} >>\nstream\n${cmap}\nendstream`);
  const desc = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`);
  // standardCmap: the font as reportlab's UnicodeCIDFont('STSong-Light') writes it, not embedded, with the
  // predefined UniGB-UCS2-H CMap and no ToUnicode map: a reader needs the Adobe CMaps to get the text
  const cidStd = standardCmap ? add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`) : 0;
  const font = standardCmap
    ? add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cidStd} 0 R] >>`)
    : add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds = [];
  for (const pl of pages) {
    let content;
    if (noText) content = '0.5 g 50 50 495 742 re f';
    else content = `BT /F1 10 Tf 12 TL 40 800 Td\n${pl.map((l) => `<${[...l].filter((c) => c.codePointAt(0) <= 0xffff).map(hex4).join('')}> Tj T*`).join('\n')}\nET`;
    const c = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encryptRef = '';
  if (encrypted) {
    const k = add(`<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -44 >>`);
    encryptRef = ` /Encrypt ${k} 0 R /ID [<${'11'.repeat(16)}> <${'11'.repeat(16)}>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objs.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R${encryptRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Write every fixture into `dir`; returns the paths by name. */
export async function makeFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  const seed = readFileSync(SEED, 'utf8');
  const lines = seed.split('\n').filter((l) => l.trim());
  const files = {
    'gb18030.txt': iconv.encode(seed, 'gb18030'),
    'utf16le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf16le')]),
    'utf16be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf16be')]),
    'utf16le-nobom.txt': iconv.encode(seed, 'utf16le'),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]),
    'crlf.txt': Buffer.from(seed.replace(/\n/g, '\r\n'), 'utf8'),
    'page.html': Buffer.from(htmlPage(readFileSync(SEED_HTML, 'utf8')), 'utf8'),
    'page-gbk.html': iconv.encode(htmlPage(readFileSync(SEED_HTML, 'utf8')).replace('charset="utf-8"', 'charset="gbk"'), 'gbk'),
    'doc.docx': await docx(lines),
    'numbered.docx': await docx(lines, true),
    'doc.pdf': pdf(lines),
    // bad inputs, one per failure class
    'empty.txt': Buffer.alloc(0),
    'binary.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00]),
    'scanned.pdf': pdf(['x'], { noText: true }),
    'encrypted.pdf': pdf(lines.slice(0, 3), { encrypted: true }),
    'undecodable.txt': Buffer.from([0xc0, 0x80, 0xff, 0xfe, 0xfd, 0x81, 0x30, 0x81, 0x30, 0xfe, 0xff, 0x80, 0xc1, 0xbf, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x80]),
    'corrupt.docx': Buffer.from('PK\u0003\u0004 this is not really a zip archive at all', 'latin1'),
    'notes.xyz': Buffer.from('一些文字', 'utf8'),
  };
  files['truncated.pdf'] = files['doc.pdf'].subarray(0, 300);
  const paths = {};
  for (const [name, bytes] of Object.entries(files)) {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    paths[name] = p;
  }
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(root, 'tests', 'fixtures', 'generated'));
  const paths = await makeFixtures(dir);
  console.log(`wrote ${Object.keys(paths).length} fixtures to ${dir}`);
}
