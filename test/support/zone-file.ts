/**
 * A reader for RFC 1035 master files (section 5.1), enough of it for real
 * zone files: $ORIGIN, $TTL, comments, parentheses spanning lines, quoted
 * strings, blank owners (same as the line before), @, relative names,
 * optional TTL and class in either order.
 */

export interface ZoneRecord {
  name: string; // absolute, lower-case, no trailing dot
  type: string;
  ttl: number;
  /** The data fields as written, names made absolute where the type has names. */
  fields: string[];
}

export interface Zone {
  origin: string;
  records: ZoneRecord[];
}

const TYPES = new Set(['A', 'AAAA', 'PTR', 'CNAME', 'NS', 'SOA', 'MX', 'TXT']);
/** Which data fields of a type are domain names (made absolute against $ORIGIN). */
const NAME_FIELDS: Record<string, number[]> = { PTR: [0], CNAME: [0], NS: [0], SOA: [0, 1], MX: [1] };

export function parseZone(text: string, defaultOrigin = ''): Zone {
  let origin = canon(defaultOrigin);
  let defaultTtl = 3600;
  let lastOwner = origin;
  let zoneOrigin: string | undefined;
  const records: ZoneRecord[] = [];

  for (const { tokens, lineNo, ownerBlank } of logicalLines(text)) {
    if (tokens.length === 0) continue;
    const first = tokens[0]!;
    if (first.toUpperCase() === '$ORIGIN') {
      origin = absolute(tokens[1] ?? '', origin);
      continue;
    }
    if (first.toUpperCase() === '$TTL') {
      defaultTtl = parseTtl(tokens[1] ?? '', lineNo);
      continue;
    }
    let i = 0;
    let owner = lastOwner;
    if (!ownerBlank) {
      owner = absolute(tokens[0]!, origin);
      i = 1;
    }
    let ttl = defaultTtl;
    // TTL and class may come in either order before the type.
    for (let k = 0; k < 2; k++) {
      const t = tokens[i];
      if (t === undefined) break;
      if (/^\d+[smhdw]?$/i.test(t) && !TYPES.has(t.toUpperCase())) {
        ttl = parseTtl(t, lineNo);
        i++;
      } else if (/^(IN|CH|HS)$/i.test(t)) {
        i++;
      }
    }
    const type = (tokens[i] ?? '').toUpperCase();
    if (!TYPES.has(type)) throw new Error(`zone line ${lineNo}: unsupported or missing type '${tokens[i] ?? ''}'`);
    const fields = tokens.slice(i + 1);
    for (const idx of NAME_FIELDS[type] ?? []) {
      if (fields[idx] !== undefined) fields[idx] = absolute(fields[idx]!, origin);
    }
    if (type === 'SOA') zoneOrigin ??= owner;
    records.push({ name: owner, type, ttl, fields });
    lastOwner = owner;
  }
  return { origin: zoneOrigin ?? origin, records };
}

function* logicalLines(text: string): Generator<{ tokens: string[]; lineNo: number; ownerBlank: boolean }> {
  const lines = text.split(/\r?\n/);
  let tokens: string[] = [];
  let depth = 0;
  let startLine = 0;
  let ownerBlank = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (depth === 0) {
      startLine = n + 1;
      ownerBlank = /^[ \t]/.test(line);
      tokens = [];
    }
    for (const tok of tokenize(line)) {
      if (tok === '(') depth++;
      else if (tok === ')') depth--;
      else tokens.push(tok);
    }
    if (depth === 0) yield { tokens, lineNo: startLine, ownerBlank };
  }
  if (depth !== 0) throw new Error(`zone line ${startLine}: unbalanced parentheses`);
}

function tokenize(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ';') break;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(' || c === ')') {
      out.push(c);
      i++;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        s += line[i];
        i++;
      }
      i++;
      out.push(`"${s}`); // a leading quote marks a character-string
    } else {
      let s = '';
      while (i < line.length && !' \t;()'.includes(line[i]!)) s += line[i++];
      out.push(s);
    }
  }
  return out;
}

function parseTtl(t: string, lineNo: number): number {
  const m = /^(\d+)([smhdw]?)$/i.exec(t);
  if (!m) throw new Error(`zone line ${lineNo}: bad TTL '${t}'`);
  const mult: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  return Number(m[1]) * mult[m[2]!.toLowerCase()]!;
}

function canon(name: string): string {
  const n = name.toLowerCase();
  return n.endsWith('.') ? n.slice(0, -1) : n;
}

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return canon(name);
  const n = name.toLowerCase();
  return origin ? `${n}.${origin}` : n;
}
