/**
 * Did the entry hop use TLS? Read from what the receiving MTA wrote about
 * its own side of the session: the protocol after `with` (RFC 3848:
 * ESMTPS, ESMTPSA, … mean STARTTLS) and the TLS notes MTAs add (Postfix
 * `(using TLSv1.3 with cipher …)`, Exim `(TLS1.3) tls …` or
 * `(TLSv1:AES256-SHA:256)`, Sendmail and Microsoft `version=… cipher=…`,
 * SMTPSVC `over TLS secured channel`, Exchange `(TLS)`, Google `(Google
 * Transport Security)`).
 * The name after `from` and its first comment hold what the client said
 * (its HELO); nothing there counts. Every pattern is anchored or bounded,
 * over comments that the tokenizer has already cut to size.
 */
import type { Token } from './received-tokens.js';
import type { HopTls } from '../core/evidence.js';

export type { HopTls };

/** RFC 3848 and its successors (RFC 6531 UTF8SMTPS, LMTPS): an S after the protocol means TLS. */
const TLS_WORDS = new Set(['esmtps', 'esmtpsa', 'smtps', 'utf8smtps', 'utf8smtpsa', 'lmtps', 'lmtpsa', 'utf8lmtps', 'utf8lmtpsa']);
const PLAIN_WORDS = new Set(['smtp', 'esmtp', 'esmtpa', 'utf8smtp', 'utf8smtpa', 'lmtp', 'utf8lmtp', 'asmtp', 'microsoft']);

const CIPHER = '([A-Za-z0-9_-]{1,100})';
const POSTFIX = new RegExp(`^using (TLSv1(?:\\.[0-3])?|SSLv[23])(?: with cipher ${CIPHER})?`, 'i');
const EXIM = new RegExp(`^(TLSv1(?:\\.[0-3])?|TLS-1\\.[0-3]|TLS1\\.[0-3]|SSLv3)(?::${CIPHER})?`, 'i');
const VERSION = /\bversion=(TLSv1\/SSLv3|TLSv1(?:\.[0-3]|_[0-3])?|TLS1_[0-3]|SSLv3)\b/i;
const VERSION_CIPHER = new RegExp(`\\bcipher=${CIPHER}`, 'i');

function normalise(version: string): string {
  const v = version.replace(/^TLS(?:v|-)?1[._]?/i, 'TLSv1.').replace(/\.$/, '');
  return /^TLSv1\.[0-3]$/.test(v) || v === 'TLSv1' ? v : version;
}

function fromNote(text: string): Omit<HopTls, 'used'> | undefined {
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const postfix = POSTFIX.exec(t);
  if (postfix) return { protocol: normalise(postfix[1]!), ...(postfix[2] ? { cipher: postfix[2] } : {}), how: `(${t})` };
  const exim = EXIM.exec(t);
  if (exim) return { protocol: normalise(exim[1]!), ...(exim[2] ? { cipher: exim[2] } : {}), how: `(${t})` };
  const version = VERSION.exec(t);
  if (version) {
    const cipher = VERSION_CIPHER.exec(t);
    return { protocol: version[1] === 'TLSv1/SSLv3' ? version[1] : normalise(version[1]!), ...(cipher ? { cipher: cipher[1] } : {}), how: `(${t})` };
  }
  // Google's note; Exchange's `with Microsoft SMTP Server (TLS)`.
  if (/^(?:Google Transport Security|TLS)$/i.test(t)) return { how: `(${t})` };
  return undefined;
}

/** The receiver's own parts of a parsed Received: header, by clause. */
export function hopTls(clauses: ReadonlyMap<string, readonly Token[]>, protocol: string | undefined): HopTls | undefined {
  // The client's name and the first comment after it (its HELO, its rDNS) are not the receiver's note on TLS.
  const from = clauses.get('from') ?? [];
  const firstComment = from.findIndex((t) => t.kind === 'comment');
  const receiverSide = [
    ...from.filter((t, i) => t.kind === 'comment' && i > firstComment),
    ...['by', 'via', 'with', 'id', 'for'].flatMap((k) => clauses.get(k) ?? []),
  ];
  let note: Omit<HopTls, 'used'> | undefined;
  let overTls = false;
  for (const [i, t] of receiverSide.entries()) {
    if (t.kind === 'comment') note ??= fromNote(t.text);
    else if (t.kind === 'word' && /^over$/i.test(t.text) && /^TLS$/i.test(wordAt(receiverSide, i + 1))) overTls = true;
    // Exim 4.9x: `with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384`
    else if (t.kind === 'word' && /^tls$/i.test(t.text) && note && !note.cipher) {
      const cipher = /^[A-Za-z0-9_-]{1,100}$/.exec(wordAt(receiverSide, i + 1));
      if (cipher) note = { ...note, cipher: cipher[0] };
    }
  }
  const word = protocol?.toLowerCase();
  if (word && TLS_WORDS.has(word)) return { used: true, ...note, how: note ? `with ${protocol} ${note.how}` : `with ${protocol}` };
  if (note) return { used: true, ...note };
  if (overTls) return { used: true, how: 'over TLS secured channel' };
  if (word && PLAIN_WORDS.has(word)) return { used: false, how: `with ${protocol}` };
  return undefined;
}

function wordAt(tokens: readonly Token[], i: number): string {
  const t = tokens[i];
  return t?.kind === 'word' ? t.text : '';
}
