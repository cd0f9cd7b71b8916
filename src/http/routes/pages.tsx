/**
 * Server-rendered pages: they work without JavaScript (the CSP forbids it).
 */
import { Hono } from 'hono';
import { catalogue } from '../../../rules/index.js';
import { InputError } from '../../core/ip.js';
import type { Target } from '../../core/types.js';
import { HomePage, type HomeValues } from '../pages/home.js';
import { Layout } from '../pages/layout.js';
import { ReportPage } from '../pages/report.js';
import { STYLE } from '../pages/style.js';
import type { AuditService } from '../service.js';
import type { MiddlewareHandler } from 'hono';

const metaOf = (id: string) => catalogue.find((r) => r.meta.id === id)?.meta;
const LIMITS: Record<keyof HomeValues, number> = { ip: 100, helo: 300, mailFrom: 400, from: 1000 };

export function pageRoutes(service: AuditService, limiter: MiddlewareHandler): Hono {
  const pages = new Hono();
  pages.get('/', (c) => c.html(<HomePage />));
  pages.get('/assets/style.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  pages.get('/check', limiter, async (c) => {
    const values: HomeValues = {};
    for (const key of Object.keys(LIMITS) as (keyof HomeValues)[]) {
      const v = c.req.query(key)?.trim();
      if (v) values[key] = v.slice(0, LIMITS[key]);
    }
    if (!values.ip) return c.html(<HomePage values={values} error="enter the IP address your mail is sent from" />, 400);
    const target: Target = { ip: values.ip };
    if (values.helo) target.helo = values.helo;
    if (values.mailFrom) target.mailFrom = values.mailFrom;
    if (values.from) target.from = values.from;
    try {
      const report = await service.auditIp(target);
      return c.redirect(`/r/${report.id}`, 303);
    } catch (e) {
      if (e instanceof InputError) return c.html(<HomePage values={values} error={e.message} />, 400);
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
