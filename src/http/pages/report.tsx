/**
 * The deliverability report a non-expert can act on: the verdict at a
 * glance, what to fix first with the exact records and who can change them,
 * every check with why it matters, then the raw DNS. Every string from DNS,
 * HELO or headers goes through JSX text or attribute escaping; nothing is
 * inserted raw.
 */
import type { Report, ReportResult } from '../../core/types.js';
import type { RuleMeta } from '../../core/rule.js';
import { Layout } from './layout.js';
import { DISPLAY_ORDER } from '../../core/status.js';
import { PTR_RULES } from '../../report/remediation.js';
import { ZoneServersCard } from './zone-servers.js';
import { ReceiversCard } from './receivers.js';
import { RequirementsCard } from './requirements.js';
import { HeloSeenCard } from './helo-seen.js';
import { DnsblLists } from './dnsbl-lists.js';


export function ReportPage(props: { report: Report; metaOf: (id: string) => RuleMeta | undefined }) {
  const r = props.report;
  const fixes = r.results.filter((x) => x.remedy).sort((a, b) => DISPLAY_ORDER[a.status] - DISPLAY_ORDER[b.status]);
  const ran = r.results.filter((x) => x.status !== 'skip');
  const skipped = r.results.filter((x) => x.status === 'skip');
  const problems = r.results.filter((x) => x.status === 'fail' || x.status === 'warn').length;
  return (
    <Layout title={`ptrcheck report for ${r.target.ip}: ${r.verdict}`}>
      <section class="card summary" aria-label="verdict">
        <div class={`gauge ${r.verdict} p-${Math.round(r.score)}`} role="img" aria-label={`score ${r.score} of 100`}>
          <span>{r.score}</span>
        </div>
        <div>
          <span class={`verdict ${r.verdict}`}>{r.verdict.toUpperCase()}</span>
          <h1>{r.target.ip}</h1>
          <p class="muted">
            PTR: {r.ptr.length > 0 ? r.ptr.join(', ') : 'none'} · iprev={r.iprev}
            {r.target.helo !== undefined ? <> · HELO {r.target.helo}</> : null}
            {r.target.from !== undefined ? <> · From {r.target.fromHeader ?? r.target.from}</> : null}
          </p>
          <p>
            {problems === 0 ? 'Nothing to fix.' : `${problems} ${problems === 1 ? 'problem' : 'problems'} to fix.`}
            {r.partial ? ' Some lookups failed temporarily, so this result is incomplete: check again later.' : ''}
          </p>
        </div>
      </section>

      {r.requirements?.length ? <RequirementsCard programs={r.requirements} /> : null}

      {fixes.length > 0 ? (
        <section class="card" aria-labelledby="fix">
          <h2 id="fix">What to fix first</h2>
          {fixes.map((f) => (
            <FixCard result={f} meta={props.metaOf(f.rule)} report={r} />
          ))}
        </section>
      ) : null}

      {r.receivers?.length ? <ReceiversCard receivers={r.receivers} /> : null}

      <Remediation report={r} />
      {r.zoneServers ? <ZoneServersCard zone={r.zoneServers} watchUrl={watchUrl(r)} /> : null}
      {r.heloSeen?.length ? <HeloSeenCard seen={r.heloSeen} /> : null}

      <section class="card" aria-labelledby="checks">
        <h2 id="checks">Every check</h2>
        <ul class="checks">
          {ran.map((x) => (
            <CheckRow result={x} meta={props.metaOf(x.rule)} />
          ))}
        </ul>
        {skipped.length > 0 ? (
          <details>
            <summary>{skipped.length} not checked</summary>
            <ul class="checks">
              {skipped.map((x) => (
                <CheckRow result={x} meta={props.metaOf(x.rule)} />
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {r.message ? <MessageFacts report={r} /> : null}

      <section class="card" aria-labelledby="authres">
        <h2 id="authres">Authentication-Results</h2>
        <pre>{r.authenticationResults.replace(/\r\n\t/g, '\n\t')}</pre>
      </section>

      <section class="card">
        <details>
          <summary>
            DNS lookups ({r.dns.length}, {r.elapsedMs} ms)
          </summary>
          <table>
            <thead>
              <tr><th>type</th><th>name</th><th>result</th><th>answers</th><th>TTL</th><th>ms</th></tr>
            </thead>
            <tbody>
              {r.dns.map((d) => (
                <tr>
                  <td>{d.type}</td><td>{d.name}</td><td>{d.rcode}</td><td>{d.answers.join(', ') || d.detail || ''}</td><td>{d.ttl}</td><td>{d.ms}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <p class="muted">
        Report {r.id} · {r.createdAt} · <a href={`/api/v1/reports/${r.id}`}>JSON</a>
      </p>
    </Layout>
  );
}

function FixCard(props: { result: ReportResult; meta: RuleMeta | undefined; report: Report }) {
  const { result, meta } = props;
  return (
    <article class={`card fix ${result.status}`}>
      <h3>
        <span class={`pill s-${result.status}`}>{result.status}</span> {result.title}
      </h3>
      <p><strong>Seen:</strong> {result.message}</p>
      {meta ? <p><strong>Why it matters:</strong> {meta.rationale}</p> : null}
      <p><strong>Fix:</strong> {result.remedy}</p>
      {PTR_RULES.has(result.rule) && props.report.remediation.needed ? <p class="muted">The exact records and who can change them are under "Reverse DNS" below.</p> : null}
    </article>
  );
}

function CheckRow(props: { result: ReportResult; meta: RuleMeta | undefined }) {
  const { result, meta } = props;
  return (
    <li>
      <span class={`pill s-${result.status}`}>{result.status}</span>
      <div>
        <h3>{result.title}</h3>
        <div>{result.message}</div>
        {result.rule === 'dnsbl-clean' ? <DnsblLists result={result} /> : null}
        {meta ? (
          <details>
            <summary>Why it matters</summary>
            <p>{meta.rationale}</p>
            <p class="muted">{result.rule} · {meta.refs.join(' · ')}</p>
          </details>
        ) : null}
      </div>
    </li>
  );
}

/** The watch page for this report's IP, expecting the name the remediation asks for (when it is a real one). */
export function watchUrl(r: Report): string {
  const m = r.remediation;
  const expect = m.hostnameIsPlaceholder ? '' : `&expect=${encodeURIComponent(m.hostname)}`;
  return `/watch?ip=${encodeURIComponent(r.target.ip)}${expect}`;
}

function Remediation(props: { report: Report }) {
  const m = props.report.remediation;
  return (
    <section class="card" aria-labelledby="rdns">
      <h2 id="rdns">Reverse DNS{m.needed ? ': what to change' : ' (nothing to change)'}</h2>
      <dl class="kv">
        <dt>Reverse name</dt>
        <dd><code>{m.reverseName}</code>{m.delegatedTo ? <> → CNAME <code>{m.delegatedTo}</code> (RFC 2317)</> : null}</dd>
        {m.zone ? <><dt>Zone</dt><dd><code>{m.zone}</code></dd></> : null}
        {m.nameservers.length > 0 ? <><dt>Nameservers</dt><dd>{m.nameservers.join(', ')}</dd></> : null}
        {m.contact ? <><dt>Zone contact</dt><dd>{m.contact}</dd></> : null}
        <dt>Who controls it</dt>
        <dd>{m.controlledBy}</dd>
      </dl>
      {m.needed ? (
        <>
          <h3>Ask for this PTR record</h3>
          <pre>{m.record}</pre>
          {m.hostnameIsPlaceholder ? <p class="muted">Replace mail.example.com with your mail server's real name.</p> : null}
          <h3>And make sure this record exists (in the name's own zone, at your domain's DNS host)</h3>
          <pre>{m.forwardRecord}</pre>
          {m.providerSteps ? <p><strong>How, at this provider:</strong> {m.providerSteps}</p> : null}
          <h3>Check it once changed</h3>
          <pre>{m.verify.join('\n')}</pre>
          <p class="muted">{m.propagation}</p>
        </>
      ) : (
        <>
          <h3>Check it yourself</h3>
          <pre>{m.verify.join('\n')}</pre>
        </>
      )}
    </section>
  );
}

function MessageFacts(props: { report: Report }) {
  const msg = props.report.message!;
  const hop = msg.hop as { index: number; raw: string; by?: string; reason?: string } | undefined;
  return (
    <section class="card" aria-labelledby="msg">
      <h2 id="msg">The message</h2>
      <dl class="kv">
        {typeof msg.subject === 'string' ? <><dt>Subject</dt><dd>{msg.subject}</dd></> : null}
        {typeof msg.messageId === 'string' ? <><dt>Message-ID</dt><dd>{msg.messageId}</dd></> : null}
        <dt>Connecting IP from</dt>
        <dd>{hop ? `Received: header ${hop.index + 1}${hop.by ? ` (by ${hop.by})` : ''}` : String(msg.ipSource)}</dd>
        {hop?.reason ? <><dt>Why that header</dt><dd>{hop.reason}</dd></> : null}
        <dt>Size</dt>
        <dd>{String(msg.size)} bytes, {String(msg.headerCount)} header fields</dd>
      </dl>
      {hop ? <pre>{hop.raw}</pre> : null}
    </section>
  );
}
