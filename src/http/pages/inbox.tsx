import type { InboxStatus } from '../inbox.js';
import { Layout } from './layout.js';

/**
 * The test address and what arrived. It refreshes itself (no script needed)
 * until every report is ready, once the reader asks it to (WCAG 2.2.1: a
 * link turns it on, another off).
 */
export function InboxPage(props: { address: string; status: InboxStatus; smtpHint?: boolean; auto?: boolean; self: string }) {
  const { address, status } = props;
  const waiting = status.status === 'waiting' || status.reports.some((r) => !r.ready && r.error === undefined);
  const refreshing = waiting && props.auto === true;
  return (
    <Layout title={`ptrcheck test address ${address}`} refreshSeconds={refreshing ? 5 : undefined}>
      <section class="card">
        <h1>Send a test message to</h1>
        <pre class="address">{address}</pre>
        <p class="muted">
          Send it from the server (or service) whose mail you want to check, the way it normally sends: the report shows
          exactly what a receiver sees of that connection, its reverse DNS, HELO, TLS, SPF, DKIM and DMARC.
        </p>
        {props.smtpHint === false ? null : <pre>{`swaks --to ${address} --server <this sink's host>:2525`}</pre>}
      </section>
      <section class="card" aria-live="polite">
        <h2>{status.status === 'waiting' ? 'Waiting for your message…' : 'Received'}</h2>
        {refreshing ? (
          <p class="muted">This page checks again every 5 seconds. <a href={props.self}>Stop updating</a></p>
        ) : waiting ? (
          <p><a href={`${props.self}?auto=1`}>Keep this page updating</a> (every 5 seconds until the report is ready), or reload it yourself.</p>
        ) : null}
        <ul class="checks">
          {status.reports.map((r) => (
            <li>
              <span class={`pill s-${r.verdict ?? (r.error !== undefined ? 'error' : 'skip')}`}>{r.verdict ?? (r.error !== undefined ? 'not audited' : 'auditing')}</span>
              <div>
                {r.ready ? (
                  <a href={`/r/${r.id}`}>Report {r.id}</a>
                ) : r.error !== undefined ? (
                  <span>Message {r.id} could not be audited: {r.error}</span>
                ) : (
                  <span>Report {r.id} is being prepared…</span>
                )}
                <div class="muted">received {r.receivedAt}{r.score !== undefined ? ` · score ${r.score}/100` : ''}</div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
