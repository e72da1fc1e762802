import { decodeBytes, type Decoded } from './decode.js';

const DROP = /<(script|style|noscript|template|nav|header|footer|aside|iframe|svg|form|select|button)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /^(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|blockquote|pre|dd|dt|dl|hr|title|tbody|thead|main|td|th)$/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', emsp: '\u2003', ensp: '\u2002', times: '×' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The charset an HTML page declares, if any: `<meta charset>` or `http-equiv` content. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Visible text of an HTML page: scripts, styles and navigation dropped, each block element on its own line,
 * runs of white space inside a line folded to one space.
 */
export function htmlToText(bytes: Uint8Array, file: string): Decoded {
  const cs = declaredCharset(bytes);
  let decoded: Decoded;
  if (cs && /^(gb2312|gbk|gb18030|x-gbk)$/.test(cs)) {
    decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  } else {
    decoded = decodeBytes(bytes, file);
  }
  let html = decoded.text.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, '');
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (body) html = body[1]!;
  const parts: string[] = [];
  for (const piece of html.split(/(<[^>]*>)/)) {
    if (piece.startsWith('<')) {
      const tag = /^<\/?\s*([a-z0-9]+)/i.exec(piece);
      if (tag && BLOCK.test(tag[1]!)) parts.push('\n');
    } else {
      parts.push(decodeEntities(piece).replace(/[ \t\r\n\f]+/g, ' '));
    }
  }
  const lines = parts.join('').split('\n').map((l) => l.trim()).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  let text = lines.join('\n').replace(/^\n+|\n+$/g, '');
  // a page whose body has no heading of its own still has its <title>
  if (title && !body) text = decodeEntities(title[1]!.trim()) + '\n' + text;
  return { text, encoding: decoded.encoding };
}
