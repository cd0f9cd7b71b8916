/** The monitors pages: the watched targets, and each one's timeline with its score over time as an SVG chart (no JavaScript). */
import { Layout } from './layout.js';
import type { AddressState, Monitor, MonitorEvent } from '../../monitor/store.js';
import { stateWords, transitionLine } from '../../monitor/words.js';

export function MonitorsLogin(props: { error?: string | undefined }) {
  return (
    <Layout title="ptrcheck: monitors">
      <section class="card" aria-labelledby="login">
        <h1 id="login">Monitors</h1>
        <p>This part of the server needs its admin token.</p>
        {props.error ? <p class="card error-box" role="alert">{props.error}</p> : null}
        <form method="post" action="/monitors/login">
          <label for="token">Admin token</label> <input id="token" name="token" type="password" autocomplete="current-password" required maxlength={4096} />{' '}
          <button type="submit">Open</button>
        </form>
      </section>
    </Layout>
  );
}

export function MonitorsPage(props: { monitors: { monitor: Monitor; states: Map<string, AddressState> }[] }) {
  return (
    <Layout title="ptrcheck: monitors">
      <section class="card" aria-labelledby="monitors">
        <h1 id="monitors">Monitors</h1>
        {props.monitors.length === 0 ? (
          <p>No target is watched yet: <code>ptrcheck monitor add &lt;ip|cidr|domain&gt;</code>, or POST /api/v1/monitors.</p>
        ) : (
          <table>
            <thead>
              <tr><th scope="col">target</th><th scope="col">label</th><th scope="col">now</th></tr>
            </thead>
            <tbody>
              {props.monitors.map(({ monitor: m, states }) => (
                <tr>
                  <td><a href={`/monitors/${m.id}`}>{m.target}</a></td><td>{m.label ?? ''}</td><td>{stateWords(states)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}

export function MonitorPage(props: { monitor: Monitor; states: Map<string, AddressState>; events: MonitorEvent[] }) {
  const m = props.monitor;
  const transitions = props.events.filter((e) => e.kind === 'transition');
  return (
    <Layout title={`ptrcheck: ${m.target}`}>
      <section class="card" aria-labelledby="monitor">
        <h1 id="monitor">{m.target}{m.label ? ` (${m.label})` : ''}</h1>
        <p>Now: {stateWords(props.states)}. <a href="/monitors">All monitors</a></p>
        <ScoreChart events={props.events} />
        <h2>Transitions</h2>
        {transitions.length === 0 ? <p class="muted">None yet: every confirmed change shows here, each proved by a second look at the zone's own servers.</p> : (
          <ul>{transitions.map((t) => <li>{transitionLine(t)}</li>)}</ul>
        )}
      </section>
    </Layout>
  );
}

/** The score of each look over time, every address on one chart: a polyline per address, transitions marked. */
export function ScoreChart(props: { events: MonitorEvent[] }) {
  const points = props.events.filter((e) => typeof e.data.score === 'number' && e.ip);
  if (points.length === 0) return <p class="muted">No look with a score yet.</p>;
  const width = 640;
  const height = 160;
  const t0 = Math.min(...points.map((p) => p.at));
  const t1 = Math.max(...points.map((p) => p.at));
  const x = (at: number) => (t1 === t0 ? width / 2 : 8 + ((at - t0) / (t1 - t0)) * (width - 16));
  const y = (score: number) => 8 + (1 - score / 100) * (height - 16);
  const byIp = new Map<string, MonitorEvent[]>();
  // At most 20 addresses drawn: a chart of a /16 would be ink, not information.
  for (const p of points) if (byIp.has(p.ip!) || byIp.size < 20) byIp.set(p.ip!, [...(byIp.get(p.ip!) ?? []), p]);
  return (
    <figure>
      <svg role="img" aria-label={`Score over time, ${byIp.size} address(es), ${new Date(t0).toISOString()} to ${new Date(t1).toISOString()}`} viewBox={`0 0 ${width} ${height}`} width="100%" height={height} class="chart">
        <line x1="0" y1={y(100)} x2={width} y2={y(100)} class="grid" />
        <line x1="0" y1={y(50)} x2={width} y2={y(50)} class="grid" />
        <line x1="0" y1={y(0)} x2={width} y2={y(0)} class="grid" />
        {[...byIp.values()].map((list) => <polyline class="score" fill="none" points={list.map((p) => `${x(p.at).toFixed(1)},${y(p.data.score as number).toFixed(1)}`).join(' ')} />)}
        {points.filter((p) => p.kind === 'transition').map((p) => <circle class="transition" cx={x(p.at).toFixed(1)} cy={y(p.data.score as number).toFixed(1)} r="4"><title>{transitionLine(p)}</title></circle>)}
      </svg>
      <figcaption class="muted">Score (0–100) of each look; dots mark confirmed transitions.</figcaption>
    </figure>
  );
}
