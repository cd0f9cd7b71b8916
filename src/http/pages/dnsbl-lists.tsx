/**
 * dnsbl-clean's lists under its row: each list, what it answered and what the
 * code means there, where to ask for removal, and the receivers known to use
 * it. The TXT reason is the list's (or an attacker's) text: JSX escapes it,
 * and a delisting link is only a link when it is http(s).
 */
import type { ReportResult } from '../../core/types.js';

interface ListView {
  zone: string;
  result: string;
  codes: string[];
  reason?: string;
  kind?: string;
  role?: string;
  registered?: boolean;
  name?: string;
  meanings?: Record<string, string | null>;
  delist?: string;
  usedBy?: { id: string; name: string }[];
  skipped?: string;
}

const SKIPPED: Record<string, string> = { 'no-ipv6': 'not asked: no IPv6 answers', dead: 'not asked: dead list', 'domain-list': 'not asked: lists domains' };

function listsOf(result: ReportResult): ListView[] {
  const lists = (result.evidence as { lists?: unknown }).lists;
  return Array.isArray(lists) ? (lists.filter((l) => typeof l === 'object' && l !== null && typeof (l as ListView).zone === 'string') as ListView[]) : [];
}

const web = (url: string | undefined) => (url && /^https?:\/\//.test(url) ? url : undefined);

export function DnsblLists(props: { result: ReportResult }) {
  const lists = listsOf(props.result);
  if (lists.length === 0) return null;
  return (
    <table class="dnsbl">
      <thead>
        <tr><th>list</th><th>answer</th><th>what it means</th><th>delisting</th><th>used by</th></tr>
      </thead>
      <tbody>
        {lists.map((l) => (
          <tr>
            <td>
              {l.name ?? l.zone}
              {l.name ? <div class="muted">{l.zone}</div> : <div class="muted">not in ptrcheck's registry</div>}
              {l.kind === 'allow' ? <div class="muted">allowlist</div> : l.role === 'informational' ? <div class="muted">informational, not counted</div> : null}
            </td>
            <td>{l.skipped ? SKIPPED[l.skipped] ?? l.skipped : `${l.result}${l.codes.length ? ` (${l.codes.join(', ')})` : ''}`}</td>
            <td>
              {l.codes.map((c) => <div>{c}: {l.meanings?.[c] ?? (l.registered ? 'a code this list does not document' : 'a listing (RFC 5782)')}</div>)}
              {l.reason ? <div class="muted">the list says: {l.reason}</div> : null}
            </td>
            <td>{web(l.delist) ? <a href={web(l.delist)} rel="nofollow noopener">{l.delist}</a> : ''}</td>
            <td>{(l.usedBy ?? []).map((u) => u.name).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
