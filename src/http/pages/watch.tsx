/**
 * The watch page: one look at a PTR change, refreshing itself (a meta
 * refresh, no JavaScript) every 30 seconds until every server shows it or
 * a day has passed.
 */
import { Layout } from './layout.js';
import type { WatchSource, WatchState } from '../../watch/poll.js';
import { rowAnswer } from '../../report/zone-words.js';

export const WATCH_REFRESH_SECONDS = 30;
/** A page set to refresh itself stops after this long (a tab left open must not poll for ever). */
export const WATCH_MAX_MS = 86_400_000;

function Sources(props: { rows: WatchSource[]; caption: string }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr><th scope="col">shows it</th><th scope="col">server</th><th scope="col">address</th><th scope="col">answer</th><th scope="col">TTL (s)</th><th scope="col">SOA serial</th></tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr class={r.sees ? 'seen' : 'pending'}>
            <td>{r.sees ? 'yes' : 'not yet'}</td>
            <td>{r.kind === 'resolver' ? `resolver ${r.server}` : r.server}</td>
            <td>{r.address ?? ''}</td>
            <td>{rowAnswer(r)}</td>
            <td>{r.ttl ?? ''}</td>
            <td>{r.serial ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WatchPage(props: { state: WatchState; refreshUrl?: string | undefined; expired: boolean; links: { start: string; stop: string } }) {
  const s = props.state;
  const want = s.expect ?? 'a PTR name that resolves back to the address';
  const status = s.done
    ? 'Done: every server and resolver shows it.'
    : s.cannotTell
      ? `Cannot tell yet: ${s.cannotTell.join('; ')}. Look again in a moment.`
    : s.waitSeconds !== undefined
      ? `Published at the zone's own servers. Resolvers that cached the old answer will show it within ${Math.ceil(s.waitSeconds / 60)} minute(s) at most.`
      : "Not published at every one of the zone's own servers yet: the change is still with whoever runs the zone.";
  return (
    <Layout title={`Watching ${s.ip}`} refreshSeconds={props.refreshUrl ? WATCH_REFRESH_SECONDS : undefined} refreshUrl={props.refreshUrl}>
      <section class="card" aria-labelledby="watch">
        <h1 id="watch">Watching the PTR of {s.ip}</h1>
        <p>Waiting for <strong>{want}</strong>. Last look: {s.at}.</p>
        <p role="status" class={s.done ? 'done' : 'pending'}>{status}</p>
        {props.refreshUrl ? (
          <p class="muted">This page looks again every {WATCH_REFRESH_SECONDS} seconds by itself. <a href={props.links.stop}>Stop updating</a></p>
        ) : !s.done ? (
          <p><a href={props.links.start}>Keep this page updating</a> (it looks again every {WATCH_REFRESH_SECONDS} seconds, for at most a day, until every server shows the change), or reload it yourself.</p>
        ) : null}
        {props.expired && !s.done ? <p class="muted">This page stopped looking after a day. <a href={`/watch?ip=${encodeURIComponent(s.ip)}${s.expect ? `&expect=${encodeURIComponent(s.expect)}` : ''}`}>Start again.</a></p> : null}
        <Sources rows={s.ptr} caption={`PTR of ${s.name}${s.zone ? ` (zone ${s.zone})` : ''}`} />
        {s.forwardName ? <Sources rows={s.forward} caption={`${s.forwardName} → ${s.ip}`} /> : null}
        {s.notes.map((n) => <p class="muted">Note: {n}</p>)}
        <p class="muted">
          Scripts: <code>GET /api/v1/watch?ip={s.ip}{s.expect ? `&expect=${s.expect}` : ''}</code>, or on a terminal <code>npx ptrcheck watch {s.ip}{s.expect ? ` --expect ${s.expect}` : ''}</code>.
        </p>
      </section>
    </Layout>
  );
}
