/**
 * Finds a link to an imprint or a contact in a stranger's HTML, in one
 * forward pass: the cursor never moves back, so a 512 KiB page of `<a<a<a`
 * or of unclosed quotes costs one walk (no back-tracking regex, no DOM).
 * Follows the HTML tokenizer where it matters: comments and the raw text of
 * script/style/textarea/title are skipped, a new <a> ends the one before,
 * an attribute value left open at the end of the page drops the tag.
 */
import { IMPRINT_WORDS } from '../../rules/data/imprint-words.js';
import type { ImprintLink } from '../core/web-probe.js';

const MAX_TEXT = 120;
const MAX_HREF = 200;
/** Raw characters kept per link (text or href) before decoding: enough for any real label. */
const MAX_RAW = 2000;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext']);

interface Anchor {
  href: string;
  text: string;
}

interface Tag {
  name: string;
  closing: boolean;
  href?: string;
  alt?: string;
  /** Index just past the tag's '>'. */
  end: number;
}

/** The best link on the page: an imprint first (the first one ends the scan), else a contact, a mailto:, an "about us". */
export function findImprintLink(html: string): ImprintLink | undefined {
  const n = html.length;
  const found: Partial<Record<ImprintLink['kind'], ImprintLink>> = {};
  let anchor: Anchor | undefined;
  const finish = (): ImprintLink | undefined => {
    const a = anchor;
    anchor = undefined;
    if (!a) return undefined;
    const link = classify(a);
    if (link && !found[link.kind]) found[link.kind] = link;
    return link?.kind === 'imprint' ? link : undefined;
  };
  const addText = (s: string): void => {
    if (anchor && anchor.text.length < MAX_RAW) anchor.text += s.slice(0, MAX_RAW - anchor.text.length);
  };
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i, Math.min(n, i + MAX_RAW)));
      break;
    }
    if (anchor && lt > i) addText(html.slice(i, Math.min(lt, i + MAX_RAW)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) break; // an attribute value open to the end: the rest is inside the tag
    if (tag === undefined) {
      addText('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (tag.name === 'a') {
      const hit = finish();
      if (hit) return hit;
      if (!tag.closing) anchor = { href: tag.href ?? '', text: '' };
    } else if (!tag.closing && RAW_TEXT.has(tag.name)) {
      i = skipRawText(html, i, tag.name);
    } else if (tag.name === 'img' && tag.alt !== undefined) {
      addText(` ${tag.alt} `);
    } else {
      addText(' ');
    }
  }
  return finish() ?? found.contact ?? found.mailto ?? found.about;
}

/** A tag at `lt`: undefined when '<' starts none (it is text), null when the page ends inside it. */
function readTag(html: string, lt: number): Tag | undefined | null {
  const n = html.length;
  let p = lt + 1;
  const closing = html[p] === '/';
  if (closing) p++;
  const start = p;
  while (p < n && p - start < 20 && isAlnum(html.charCodeAt(p))) p++;
  if (p === start || !isAlpha(html.charCodeAt(start))) return undefined;
  if (p < n && !isTagDelimiter(html.charCodeAt(p))) return undefined;
  const tag: Tag = { name: html.slice(start, p).toLowerCase(), closing, end: n };
  for (;;) {
    while (p < n && (isSpace(html.charCodeAt(p)) || html[p] === '/')) p++;
    if (p >= n) return null;
    if (html[p] === '>') {
      tag.end = p + 1;
      return tag;
    }
    const nameStart = p;
    p++; // a first '=' is part of the name (HTML tokenizer)
    while (p < n && !isSpace(html.charCodeAt(p)) && html[p] !== '/' && html[p] !== '>' && html[p] !== '=') p++;
    const attr = html.slice(nameStart, Math.min(p, nameStart + 20)).toLowerCase();
    while (p < n && isSpace(html.charCodeAt(p))) p++;
    let value: string | undefined;
    if (html[p] === '=') {
      p++;
      while (p < n && isSpace(html.charCodeAt(p))) p++;
      const q = html[p];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, p + 1);
        if (close < 0) return null;
        value = html.slice(p + 1, Math.min(close, p + 1 + MAX_RAW));
        p = close + 1;
      } else {
        const vs = p;
        while (p < n && !isSpace(html.charCodeAt(p)) && html[p] !== '>') p++;
        value = html.slice(vs, Math.min(p, vs + MAX_RAW));
      }
    }
    if (attr === 'href' && tag.href === undefined) tag.href = value ?? '';
    if (attr === 'alt' && tag.alt === undefined) tag.alt = value ?? '';
  }
}

/** Past the end tag of a raw-text element (or to the end of the page): '<' inside a script is not markup. */
function skipRawText(html: string, from: number, name: string): number {
  let p = from;
  for (;;) {
    const at = html.indexOf('</', p);
    if (at < 0) return html.length;
    const after = at + 2 + name.length;
    if (html.slice(at + 2, after).toLowerCase() === name && (after >= html.length || isTagDelimiter(html.charCodeAt(after)))) {
      const gt = html.indexOf('>', after);
      return gt < 0 ? html.length : gt + 1;
    }
    p = at + 2;
  }
}

function classify(a: Anchor): ImprintLink | undefined {
  const href = clean(decodeEntities(a.href)).trim();
  const text = clean(decodeEntities(a.text)).replace(/\s+/g, ' ').trim();
  const shown = { text: cut(text, MAX_TEXT), href: cut(href, MAX_HREF) };
  const words = ` ${fold(text)} `;
  const path = ` ${fold(pathOf(href))} `;
  for (const kind of ['imprint', 'contact', 'about'] as const) {
    if (IMPRINT_WORDS[kind].some((w) => words.includes(` ${w}`) || path.includes(` ${w}`))) return { kind, ...shown };
  }
  if (/^mailto:[^@\s]+@[^@\s]+/i.test(href)) return { kind: 'mailto', ...shown };
  return undefined;
}

/** The part of an href after its scheme and host: a host named contactlab.example is no contact page. */
function pathOf(href: string): string {
  const scheme = href.indexOf('://');
  if (scheme < 0 || scheme > 10) return safeDecode(href);
  const slash = href.indexOf('/', scheme + 3);
  return slash < 0 ? '' : safeDecode(href.slice(slash));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Lower case, accents off, every run of anything but letters and digits one space. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^a-z0-9]+/g, ' ').trim();
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
  szlig: 'ß', eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', aacute: 'á', acirc: 'â', ccedil: 'ç', iacute: 'í', oacute: 'ó',
  ocirc: 'ô', uacute: 'ú', ntilde: 'ñ', Eacute: 'É', atilde: 'ã', otilde: 'õ',
};

/** Character references in a bounded string (at most MAX_RAW characters): the pattern has no nested repetition. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?/g, (m, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? m;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** No control or direction-changing characters: the text is a stranger's and ends up on a terminal and a web page. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ');
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 48 && c <= 57);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
function isTagDelimiter(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62;
}
