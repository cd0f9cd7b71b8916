import { Layout } from './layout.js';
import { BounceForm } from './bounce.js';
import { CLAIM_LIMITS } from '../../core/claims.js';

export interface HomeValues {
  ip?: string | undefined;
  helo?: string | undefined;
  mailFrom?: string | undefined;
  from?: string | undefined;
}

/** `base` is the server's public URL (--public-url) or the origin the request came to, so the example runs as shown. */
export function HomePage(props: { base: string; values?: HomeValues; authoritative?: boolean; error?: string; sinkDomain?: string | undefined }) {
  const v = props.values ?? {};
  return (
    <Layout title="ptrcheck: check a mail server's reverse DNS">
      <section class="card">
        <h1>Will receivers trust your mail server?</h1>
        <p class="muted">
          Gmail, Yahoo and most receivers check that the sending IP has a PTR record whose name resolves back to the IP,
          that the HELO name holds up, and that SPF, DKIM and DMARC line up with your From domain. Enter the IP your mail
          leaves from; add the HELO name and addresses to check those too.
        </p>
        {props.error ? (
          <p class="card error-box" role="alert">
            <strong>Cannot audit that:</strong> {props.error}
          </p>
        ) : null}
        <form class="audit" method="get" action="/check">
          <label>
            Sending IP (IPv4 or IPv6)
            <input name="ip" required maxlength={CLAIM_LIMITS.ip} placeholder="192.0.2.55" value={v.ip ?? ''} />
          </label>
          <label>
            HELO name (optional)
            <input name="helo" maxlength={CLAIM_LIMITS.helo} placeholder="mail.example.com" value={v.helo ?? ''} />
          </label>
          <label>
            MAIL FROM (optional)
            <input name="mailFrom" maxlength={CLAIM_LIMITS.mailFrom} placeholder="bounce@example.com" value={v.mailFrom ?? ''} />
          </label>
          <label>
            Header From (optional)
            <input name="from" maxlength={CLAIM_LIMITS.from} placeholder="news@example.com" value={v.from ?? ''} />
          </label>
          <label class="check">
            <input type="checkbox" name="authoritative" value="1" checked={props.authoritative === true} />
            Also ask the reverse zone's own nameservers (always done when the PTR or FCrDNS fails): see whether a change is published yet
          </label>
          <button type="submit">Check</button>
        </form>
      </section>
      {props.sinkDomain ? (
        <section class="card">
          <h2>Or send a test message</h2>
          <p class="muted">
            Get a one-time address at {props.sinkDomain}, send a message to it from your mail server, and read what receivers see:
            the connecting IP, HELO, TLS, SPF, DKIM and DMARC, judged together.
          </p>
          <form method="post" action="/inbox">
            <button type="submit">Get a test address</button>
          </form>
        </section>
      ) : null}
      <BounceForm />
      <section class="card">
        <h2>From the command line or your code</h2>
        <pre>curl '{props.base}/api/v1/audit?ip=192.0.2.55&amp;helo=mail.example.com'</pre>
        <p class="muted">Received a message? POST it raw to /api/v1/audit/message. See the <a href="/openapi.json">OpenAPI document</a>.</p>
      </section>
    </Layout>
  );
}
