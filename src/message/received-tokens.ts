/**
 * A Received: value as tokens, in one linear pass: words, comments (nested
 * parentheses, read as tokens of their own), address literals ([…], with a
 * port after the bracket if any), up to the first top-level `;` (the date).
 * No regular expression runs over the whole text, so a hostile header costs
 * time in proportion to its length.
 */
export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'literal'; text: string; port?: string }
  | { kind: 'comment'; tokens: Token[]; text: string };

/** A longer value is cut here before it is read (real ones are well under 1 KB). */
export const MAX_RECEIVED_CHARS = 8 * 1024;
/** Comments nested deeper than this are read as plain text. */
const MAX_DEPTH = 4;

export function tokenize(raw: string): Token[] {
  const text = raw.length > MAX_RECEIVED_CHARS ? raw.slice(0, MAX_RECEIVED_CHARS) : raw;
  const state = { at: 0 };
  const tokens = readTokens(text, state, 0, false);
  // RFC 5322: the date follows the last top-level ';' (SquirrelMail writes one before `by` too).
  const last = tokens.findLastIndex((t) => t === SEMICOLON);
  return (last < 0 ? tokens : tokens.slice(0, last)).filter((t) => t !== SEMICOLON);
}

/** A top-level ';', kept while reading: the last one starts the date. */
const SEMICOLON: Token = { kind: 'word', text: ';' };

function readTokens(text: string, state: { at: number }, depth: number, inComment: boolean): Token[] {
  const out: Token[] = [];
  while (state.at < text.length) {
    const c = text[state.at]!;
    if (isSpace(c)) {
      state.at++;
      continue;
    }
    if (c === ')') {
      if (inComment) {
        state.at++;
        return out;
      }
      state.at++; // a stray closer outside any comment: skipped
      continue;
    }
    if (c === ';') {
      if (!inComment) out.push(SEMICOLON);
      state.at++;
      continue;
    }
    if (c === '(') {
      state.at++;
      const start = state.at;
      if (depth >= MAX_DEPTH) {
        out.push({ kind: 'comment', tokens: [], text: skipComment(text, state) });
        continue;
      }
      const tokens = readTokens(text, state, depth + 1, true);
      const end = text[state.at - 1] === ')' ? state.at - 1 : state.at;
      out.push({ kind: 'comment', tokens, text: text.slice(start, end).trim() });
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', state.at + 1);
      const stop = close < 0 ? text.length : close;
      const literal: Token = { kind: 'literal', text: text.slice(state.at + 1, stop) };
      state.at = close < 0 ? text.length : close + 1;
      // Exim writes a port after the bracket: [192.0.2.1]:50387
      if (text[state.at] === ':') {
        let end = state.at + 1;
        while (end < text.length && end - state.at <= 6 && isDigit(text[end]!)) end++;
        if (end > state.at + 1) {
          literal.port = text.slice(state.at + 1, end);
          state.at = end;
        }
      }
      out.push(literal);
      continue;
    }
    const start = state.at;
    state.at++; // every other character starts a word: at least one is read
    // A bracket inside a word is part of it (`helo=[192.0.2.1]`, a HELO with an escape sequence); only one that starts a token opens a literal.
    while (state.at < text.length && !isSpace(text[state.at]!) && !'();'.includes(text[state.at]!)) state.at++;
    out.push({ kind: 'word', text: text.slice(start, state.at) });
  }
  return out;
}

/** Past a comment too deep to read as tokens; its text. */
function skipComment(text: string, state: { at: number }): string {
  const start = state.at;
  let depth = 1;
  while (state.at < text.length && depth > 0) {
    const c = text[state.at++]!;
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return text.slice(start, depth === 0 ? state.at - 1 : state.at).trim();
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
