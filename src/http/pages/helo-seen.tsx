/** "Recently seen HELO values from this IP": what the sink saw this IP announce. */
import type { Report } from '../../core/types.js';

export function HeloSeenCard(props: { seen: NonNullable<Report['heloSeen']> }) {
  return (
    <section class="card" aria-labelledby="helo-seen">
      <h2 id="helo-seen">Recently seen HELO values from this IP</h2>
      <p class="muted">What this IP announced in mail to this server's test addresses. A sender that changes its HELO from message to message, or announces a name that is not its own, looks misconfigured or hijacked.</p>
      <table>
        <thead>
          <tr><th scope="col">HELO</th><th scope="col">messages</th><th scope="col">first seen</th><th scope="col">last seen</th></tr>
        </thead>
        <tbody>
          {props.seen.map((h) => (
            <tr><td>{h.helo}</td><td>{h.count}</td><td>{h.firstSeen}</td><td>{h.lastSeen}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
