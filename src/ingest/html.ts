import { Parser } from 'htmlparser2';
import { decodeBytes, type Decoded } from './decode.js';

// content that is not text a reader sees: scripts, styles and page navigation
const DROP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'iframe', 'svg', 'form', 'select', 'button', 'head']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'hr', 'title', 'tbody', 'thead', 'main', 'td', 'th', 'body']);

/** The charset an HTML page declares, if any: `<meta charset>` or `http-equiv` content. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Visible text of an HTML page through htmlparser2's streaming tokenizer, in one pass (linear time on any
 * input, an unclosed <script> or <!-- included): entities decoded, scripts, styles and navigation dropped,
 * each block element on its own line, runs of white space inside a line folded to one space. The <title>
 * leads when the body has no heading of its own.
 */
export function htmlToText(bytes: Uint8Array, file: string): Decoded {
  const cs = declaredCharset(bytes);
  let decoded: Decoded;
  if (cs && /^(gb2312|gbk|gb18030|x-gbk)$/.test(cs)) {
    decoded = { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  } else {
    decoded = decodeBytes(bytes, file);
  }
  const parts: string[] = [];
  let dropDepth = 0;
  let inTitle = false;
  let title = '';
  let sawBody = false;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'body') sawBody = true;
      if (name === 'title') inTitle = true;
      if (DROP.has(name)) dropDepth++;
      else if (!dropDepth && BLOCK.has(name)) parts.push('\n');
    },
    onclosetag(name) {
      if (name === 'title') inTitle = false;
      if (DROP.has(name)) dropDepth = Math.max(0, dropDepth - 1);
      else if (!dropDepth && BLOCK.has(name)) parts.push('\n');
    },
    ontext(t) {
      if (inTitle) title += t;
      if (!dropDepth) parts.push(t.replace(/[ \t\r\n\f]+/g, ' '));
    },
  }, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  parser.write(decoded.text);
  parser.end();
  const lines = parts.join('').split('\n').map((l) => l.trim()).filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  let text = lines.join('\n').replace(/^\n+|\n+$/g, '');
  // a page whose body has no heading of its own still has its <title>
  if (title.trim() && !sawBody) text = title.trim() + '\n' + text;
  return { text, encoding: decoded.encoding };
}
