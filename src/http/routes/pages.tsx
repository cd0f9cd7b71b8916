/**
 * Server-rendered pages: they work without JavaScript (the CSP forbids it).
 */
import { Hono } from 'hono';
import { catalogue } from '../../../rules/index.js';
import { InputError } from '../../core/errors.js';
import type { Target } from '../../core/types.js';
import { HomePage, type HomeValues } from '../pages/home.js';
import { Layout } from '../pages/layout.js';
import { ReportPage } from '../pages/report.js';
import { STYLE } from '../pages/style.js';
import type { AuditService } from '../service.js';
import type { Context, MiddlewareHandler } from 'hono';
import type { InboxDeps } from './api.js';
import { inboxStatus } from '../inbox.js';
import { isToken, newToken } from '../../sink/tokens.js';
import { InboxPage } from '../pages/inbox.js';
import { WATCH_MAX_MS, WatchPage } from '../pages/watch.js';
import { BouncePage } from '../pages/bounce.js';
import { bodyLimit } from 'hono/body-limit';
import { repeatedParam } from '../strict-input.js';
import { CLAIM_LIMITS } from '../../core/claims.js';
import { isOn } from '../schemas.js';

const metaOf = (id: string) => catalogue.find((r) => r.meta.id === id)?.meta;
const LIMITS: Record<keyof HomeValues, number> = CLAIM_LIMITS;

export function pageRoutes(service: AuditService, limiter: MiddlewareHandler, base: (c: Context) => string, inbox?: InboxDeps): Hono {
  const pages = new Hono();
  const sinkDomain = inbox?.sink.domain;
  pages.get('/', (c) => c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} />));
  pages.post('/inbox', async (c) => {
    if (!inbox) return c.html(<HomePage base={base(c)} error="no SMTP sink runs on this server" />, 404);
    const token = newToken();
    await inbox.sink.store.createInbox(token, inbox.now());
    return c.redirect(`/inbox/${token}`, 303);
  });
  pages.get('/inbox/:token', async (c) => {
    const token = c.req.param('token').toLowerCase();
    if (!inbox || !isToken(token)) return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error="no such test address" />, 404);
    const status = await inboxStatus(inbox.sink.store, inbox.reports, token, base(c));
    return c.html(<InboxPage address={`${token}@${inbox.sink.domain}`} status={status} smtpHint={inbox.sink.via !== 'email-routing'} auto={c.req.query('auto') === '1'} self={`/inbox/${token}`} />);
  });
  pages.get('/assets/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  pages.get('/check', limiter, async (c) => {
    const repeated = repeatedParam(c, [...Object.keys(LIMITS), 'authoritative']);
    if (repeated) return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error={`${repeated.name} is given ${repeated.count} times; give it once`} />, 400);
    const values: HomeValues = {};
    for (const key of Object.keys(LIMITS) as (keyof HomeValues)[]) {
      const v = c.req.query(key)?.trim();
      if (v) values[key] = v.slice(0, LIMITS[key]);
    }
    const authoritative = isOn(c.req.query('authoritative'));
    if (!values.ip) return c.html(<HomePage base={base(c)} values={values} authoritative={authoritative} sinkDomain={sinkDomain} error="enter the IP address your mail is sent from" />, 400);
    const target: Target = { ip: values.ip };
    if (values.helo) target.helo = values.helo;
    if (values.mailFrom) target.mailFrom = values.mailFrom;
    if (values.from) target.from = values.from;
    try {
      const report = await service.auditIp(target, { authoritative });
      return c.redirect(`/r/${report.id}`, 303);
    } catch (e) {
      if (e instanceof InputError) return c.html(<HomePage base={base(c)} values={values} authoritative={authoritative} sinkDomain={sinkDomain} error={e.message} />, 400);
      throw e;
    }
  });
  pages.post('/bounce', bodyLimit({ maxSize: service.config.maxMessageBytes, onError: (c) => c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error="the bounce is too large to paste here; use POST /api/v1/bounce or ptrcheck bounce" />, 413) }), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const text = typeof form.bounce === 'string' ? form.bounce : '';
    if (text.trim() === '') return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error="paste the bounce text into the box" />, 400);
    const result = await service.bounce(text);
    return c.html(<BouncePage result={result} reportUrl={result.audit ? `/r/${result.audit.id}` : undefined} />);
  });
  pages.get('/watch', async (c) => {
    const repeated = repeatedParam(c, ['ip', 'expect', 'since', 'auto']);
    if (repeated) return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error={`${repeated.name} is given ${repeated.count} times; give it once`} />, 400);
    const ip = c.req.query('ip')?.trim().slice(0, CLAIM_LIMITS.ip) ?? '';
    const expect = c.req.query('expect')?.trim().slice(0, CLAIM_LIMITS.helo) || undefined;
    if (!ip) return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error="enter the IP address whose PTR change to watch" />, 400);
    const now = Date.now();
    const sinceText = c.req.query('since');
    const since = sinceText && /^\d{1,15}$/.test(sinceText) ? Math.min(Number(sinceText), now) : now;
    try {
      const state = await service.watch(ip, expect);
      const expired = now - since > WATCH_MAX_MS;
      const self = `/watch?ip=${encodeURIComponent(state.ip)}${expect ? `&expect=${encodeURIComponent(expect)}` : ''}`;
      // Refreshing by itself is the reader's choice (WCAG 2.2.1): a link turns it on, another off.
      const auto = c.req.query('auto') === '1';
      const refreshUrl = auto && !state.done && !expired ? `${self}&since=${since}&auto=1` : undefined;
      return c.html(<WatchPage state={state} refreshUrl={refreshUrl} expired={expired} links={{ start: `${self}&since=${now}&auto=1`, stop: self }} />);
    } catch (e) {
      if (e instanceof InputError) return c.html(<HomePage base={base(c)} sinkDomain={sinkDomain} error={e.message} />, 400);
      throw e;
    }
  });
  pages.get('/r/:id', async (c) => {
    const report = await service.report(c.req.param('id'));
    if (!report) {
      return c.html(
        <Layout title="Report not found">
          <section class="card error-box">
            <h1>No such report</h1>
            <p>It may have expired. <a href="/">Run a new check.</a></p>
          </section>
        </Layout>,
        404,
      );
    }
    return c.html(<ReportPage report={report} metaOf={metaOf} />);
  });
  return pages;
}
