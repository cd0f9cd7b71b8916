/** The reverse zone's own servers beside the resolver: on the report page and the watch page. */
import type { ReportZoneServers, ZoneServerRow } from '../../core/types.js';
import { rowAnswer, ZONE_CHECK_WHY } from '../../report/zone-words.js';

export function ServerRows(props: { rows: ZoneServerRow[]; resolver?: ZoneServerRow | undefined; expect?: string | undefined }) {
  const seen = (row: ZoneServerRow) => (props.expect === undefined ? null : <td>{row.answer?.split(', ').includes(props.expect) ? 'yes' : 'not yet'}</td>);
  return (
    <table>
      <thead>
        <tr><th scope="col">server</th><th scope="col">address</th><th scope="col">answer</th><th scope="col">TTL (s)</th><th scope="col">SOA serial</th>{props.expect === undefined ? null : <th scope="col">shows {props.expect}</th>}</tr>
      </thead>
      <tbody>
        {props.resolver ? (
          <tr>
            <td>your resolver</td><td>{props.resolver.server}</td><td>{rowAnswer(props.resolver)}</td><td>{props.resolver.ttl ?? ''}</td><td></td>{seen(props.resolver)}
          </tr>
        ) : null}
        {props.rows.map((row) => (
          <tr>
            <td>{row.server}</td><td>{row.address ?? ''}</td><td>{rowAnswer(row)}</td><td>{row.ttl ?? ''}</td><td>{row.serial ?? ''}</td>{seen(row)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ZoneServersCard(props: { zone: ReportZoneServers; watchUrl?: string | undefined }) {
  const z = props.zone;
  return (
    <section class="card" aria-labelledby="zone-servers">
      <h2 id="zone-servers">The reverse zone's own servers</h2>
      <p class="muted">
        Asked directly, recursion off, {ZONE_CHECK_WHY[z.why] ?? ''}: what {z.zone ?? 'the zone'} publishes now for {z.name}, before any cache.
      </p>
      <ServerRows rows={z.servers} resolver={z.resolver} />
      {z.delegatedFurther ? (
        <>
          <h3>Delegated further to {z.delegatedFurther.zone}</h3>
          <ServerRows rows={z.delegatedFurther.servers} />
        </>
      ) : null}
      {z.forward.map((f) => (
        <>
          <h3>{f.name} at {f.zone ?? 'its own DNS servers'}</h3>
          <ServerRows rows={f.servers} resolver={f.resolver} />
        </>
      ))}
      {z.path.length > 0 ? (
        <p>
          <strong>Delegation:</strong> {z.path.map((s) => `${s.zone} (${s.nameservers.join(', ') || 'no NS seen'})`).join(' → ')}
        </p>
      ) : null}
      {props.watchUrl ? (
        <p>
          <a href={props.watchUrl}>Watch this fix</a>: a page that looks at these servers and your resolver again (every 30 seconds, if you let it) until all of them show the change.
        </p>
      ) : null}
    </section>
  );
}
