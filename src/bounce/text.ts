/**
 * The readable text of a bounce: a DSN (multipart/report, RFC 3464), an
 * Exchange NDR (HTML, often base64), or pasted text. MIME parts are
 * decoded (base64, quoted-printable), HTML loses its tags, headers stay
 * (a DSN's fields are headers of its message/delivery-status part).
 * Bounded: the caller limits the input's size; parts and depth are capped
 * here, so a hostile bounce cannot make it work long.
 */
const MAX_PARTS = 64;
const MAX_DEPTH = 4;

export function bounceText(raw: string): string {
  const out: string[] = [];
  let parts = 0;
  const walk = (entity: string, depth: number): void => {
    if (++parts > MAX_PARTS) return;
    const split = splitEntity(entity);
    const type = header(split.headers, 'content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(type)?.[1];
    out.push(split.headers);
    if (/^\s*multipart\//i.test(type) && boundary && depth < MAX_DEPTH) {
      const pieces = split.body.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?$`, 'm'));
      for (const piece of pieces.slice(1)) if (piece.trim() !== '') walk(piece.replace(/^\r?\n/, ''), depth + 1);
      return;
    }
    // A message/rfc822 or delivery-status part is itself headers and a body.
    if (/^\s*message\//i.test(type) && depth < MAX_DEPTH) return walk(split.body.replace(/^\r?\n/, ''), depth + 1);
    const encoding = (header(split.headers, 'content-transfer-encoding') ?? '').trim().toLowerCase();
    let body = split.body;
    if (encoding === 'base64') body = decodeBase64(body);
    else if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
    if (/^\s*text\/html/i.test(type)) body = stripHtml(body);
    out.push(body);
  };
  walk(raw, 0);
  return out.join('\n');
}

/** Headers and body of one MIME entity; text that does not start with headers is all body. */
function splitEntity(entity: string): { headers: string; body: string } {
  const m = /\r?\n\r?\n/.exec(entity);
  const head = m ? entity.slice(0, m.index) : '';
  if (!m || !/^[\x21-\x39\x3b-\x7e]+:/.test(head)) return { headers: '', body: entity };
  return { headers: head, body: entity.slice(m.index + m[0].length) };
}

/** An unfolded header field value (first occurrence). */
export function header(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${escapeRegExp(name)}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return m?.[1]?.trim();
}

function decodeBase64(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(clean), (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const soft = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(c));
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

function stripHtml(s: string): string {
  return s
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
