/**
 * RFC 8601 Authentication-Results, generated from the catalogue: each rule
 * whose meta names a method (iprev, spf, dkim, dmarc) contributes the
 * `authres` its result data carries. Values come from DNS and headers, so
 * they are reduced to RFC 8601 tokens or quoted strings, never raw.
 */
import type { RuleMeta } from '../core/rule.js';
import type { RuleResult } from '../core/types.js';

interface MethodResult {
  result: string;
  props: Record<string, string>;
  comment?: string;
}

export function authenticationResults(authservId: string, results: readonly RuleResult[], metaOf: (id: string) => RuleMeta | undefined): string {
  const parts: string[] = [];
  for (const r of results) {
    const method = metaOf(r.rule)?.authres;
    const raw = r.data?.authres;
    if (!method || !raw || r.status === 'skip') continue;
    for (const m of (Array.isArray(raw) ? raw : [raw]) as MethodResult[]) parts.push(formatMethod(method, m));
  }
  return `Authentication-Results: ${token(authservId)}; ${parts.length > 0 ? parts.join(';\r\n\t') : 'none'}`;
}

function formatMethod(method: string, m: MethodResult): string {
  const comment = m.comment ? ` (${m.comment.replace(/[()\\\u0000-\u001f\u007f]/g, '')})` : '';
  const props = Object.entries(m.props).map(([k, v]) => ` ${k}=${value(v)}`).join('');
  return `${method}=${token(m.result)}${comment}${props}`;
}

/** RFC 2045 token characters; anything else is quoted. */
function value(v: string): string {
  const clean = String(v).replace(/[\u0000-\u001f\u007f]/g, '');
  return /^[A-Za-z0-9!#$%&'*+\-.^_`{|}~@:]+$/.test(clean) ? clean : `"${clean.replace(/["\\]/g, '\\$&')}"`;
}

function token(v: string): string {
  return String(v).replace(/[^A-Za-z0-9.\-_]/g, '') || 'unknown';
}
