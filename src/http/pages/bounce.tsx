/** A decoded bounce: what the receiver said and meant, the IP, and how things stand now (the form posts here, no JavaScript). */
import { Layout } from './layout.js';
import type { BounceResult } from '../../bounce/check.js';
import { authenticationWords } from '../../bounce/words.js';

const NOW_CLASS: Record<string, string> = { 'still-there': 'fail', published: 'warn', fixed: 'pass', 'cannot-check': 'error', 'not-rechecked': 'muted', 'no-ip': 'muted', 'not-decoded': 'muted' };

export function BounceForm(props: { value?: string; error?: string | undefined }) {
  return (
    <section class="card" aria-labelledby="paste-bounce">
      <h2 id="paste-bounce">Or paste a bounce</h2>
      <p class="muted">The whole bounce message or just the lines with the error: ptrcheck names the receiver, explains its code, finds the sending IP and checks it again now.</p>
      {props.error ? <p class="card error-box" role="alert"><strong>Cannot read that:</strong> {props.error}</p> : null}
      <form method="post" action="/bounce">
        <label>
          Bounce text
          <textarea name="bounce" rows={8} required placeholder="550-5.7.25 [192.0.2.55] The IP address sending this message does not have a PTR record setup…">{props.value ?? ''}</textarea>
        </label>
        <button type="submit">Explain this bounce</button>
      </form>
    </section>
  );
}

export function BouncePage(props: { result: BounceResult; reportUrl?: string | undefined }) {
  const { bounce: b, now, audit } = props.result;
  return (
    <Layout title="ptrcheck: a bounce explained">
      <section class="card" aria-labelledby="bounce">
        <h1 id="bounce">What the receiver said</h1>
        <dl class="kv">
          <dt>Receiver</dt>
          <dd>{b.receiver ? b.receiver.name : 'not one ptrcheck knows'}{b.remoteMta ? ` (${b.remoteMta})` : ''}</dd>
          {b.reply ? <><dt>Reply</dt><dd><code>{b.reply}</code></dd></> : null}
          {b.code ? <><dt>Code</dt><dd>{[b.code, b.enhanced].filter(Boolean).join(' ')}</dd></> : null}
          {b.meaning ? <><dt>Meaning there</dt><dd>{b.meaning}</dd></> : null}
          {b.iana ? <><dt>{b.meaning ? 'In the IANA registry' : 'Meaning'}</dt><dd>{b.iana}</dd></> : null}
          <dt>Kind of problem</dt>
          <dd>{b.category}</dd>
          {b.authentication ? <><dt>Authentication</dt><dd>{authenticationWords(b.authentication)}</dd></> : null}
          {b.ip ? <><dt>Sending IP</dt><dd>{b.ip}</dd></> : null}
        </dl>
        {b.notes.map((n) => <p class="muted">Note: {n}</p>)}
      </section>
      <section class="card" aria-labelledby="now">
        <h2 id="now">Now</h2>
        <p role="status" class={NOW_CLASS[now.status] ?? ''}>{now.message}</p>
        {audit && props.reportUrl ? <p><a href={props.reportUrl}>The full report for {audit.target.ip}</a> ({audit.verdict}, score {audit.score}/100)</p> : null}
      </section>
      <BounceForm />
    </Layout>
  );
}
