/**
 * A MIME part's body made readable: base64 and quoted-printable decoded,
 * HTML without its tags. Each pass is one linear scan: no pattern here can
 * back-scan (an opener that never closes is found out once, not once per
 * opener), and the caller cuts the part before it gets here.
 */

/** `cut`: the part was cut short, so the base64 is read up to its last whole quantum. */
export function decodeBase64(s: string, cut = false): string {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  try {
    const binary = atob(cut ? clean.slice(0, clean.length - (clean.length % 4)) : clean);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  } catch {
    return s;
  }
}

/** Soft line breaks removed, =XX as bytes, other characters as their UTF-8; the bytes read as UTF-8. */
export function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes = new Uint8Array(soft.length * 3);
  const encoder = new TextEncoder();
  let n = 0;
  for (let i = 0; i < soft.length; ) {
    const eq = soft.indexOf('=', i);
    const runEnd = eq < 0 ? soft.length : eq;
    if (runEnd > i) n += encoder.encodeInto(soft.slice(i, runEnd), bytes.subarray(n)).written;
    if (eq < 0) break;
    if (isHex(soft.charCodeAt(eq + 1)) && isHex(soft.charCodeAt(eq + 2))) {
      bytes[n++] = parseInt(soft.slice(eq + 1, eq + 3), 16);
      i = eq + 3;
    } else {
      bytes[n++] = 61; // a lone '='
      i = eq + 1;
    }
  }
  return new TextDecoder().decode(bytes.subarray(0, n));
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/** Scripts and styles out, line-ending tags as newlines, other tags as spaces, the common entities decoded. */
export function stripHtml(s: string): string {
  // `<br` then spaces: one attempt per `<br`, over its own run of spaces (linear); the other alternatives are fixed words.
  const broken = withoutScripts(s).replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n');
  return withoutTags(broken).replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (_, name: string) => ENTITIES[name]!);
}

/** Each `<script…</script>` or `<style…</style>` (any case) as a space; an opener with no closer after it stays. */
function withoutScripts(s: string): string {
  const open = /<(script|style)\b/gi;
  const unclosed = new Set<string>(); // no closer after some opener: none after any later one either
  let out = '';
  let at = 0;
  for (let m = open.exec(s); m; m = open.exec(s)) {
    const tag = m[1]!.toLowerCase();
    if (unclosed.has(tag)) continue;
    const close = new RegExp(`</${tag}>`, 'gi');
    close.lastIndex = open.lastIndex;
    const c = close.exec(s);
    if (!c) {
      unclosed.add(tag);
      continue;
    }
    out += `${s.slice(at, m.index)} `;
    at = open.lastIndex = c.index + c[0].length;
  }
  return at === 0 ? s : out + s.slice(at);
}

/** Each `<…>` (to the first `>`) as a space; once no `>` follows, no later `<` can close either. */
function withoutTags(s: string): string {
  let out = '';
  let at = 0;
  for (let lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', at)) {
    const gt = s.indexOf('>', lt + 1);
    if (gt < 0) break;
    out += `${s.slice(at, lt)} `;
    at = gt + 1;
  }
  return at === 0 ? s : out + s.slice(at);
}
