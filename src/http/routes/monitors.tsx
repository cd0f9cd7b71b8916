/**
 * The monitor API (DESIGN "Monitoring"), mounted only with an admin token:
 * GET|POST /api/v1/monitors, GET|DELETE /api/v1/monitors/{id}, and
 * POST /api/v1/monitors/dmarc (a DMARC aggregate report's passing sources).
 */
import { Hono } from 'hono';
import { InputError } from '../../core/errors.js';
import type { MonitorStore } from '../../monitor/store.js';
import { addMonitor, isMonitorId } from '../../monitor/service.js';
import { errorJson } from '../errors.js';
import { ADMIN_COOKIE, isAdmin, requireAdmin, sameBytes } from '../admin.js';
import { MonitorPage, MonitorsLogin, MonitorsPage } from '../pages/monitors.js';
import { bodyLimit } from 'hono/body-limit';
import { parseMonitorTarget } from '../../monitor/targets/index.js';
import { addDmarcSources } from '../../monitor/dmarc.js';
import { MAX_REPORT_BYTES } from '../../batch/dmarc-report.js';

export interface AdminDeps {
  token: string;
  monitors: MonitorStore;
  now?: () => number;
}

const MAX_TARGETS = 1000;
/** A report as sent (gzip'd or zipped, kilobytes to a few megabytes); it decompresses to MAX_REPORT_BYTES at most. */
const MAX_DMARC_BODY = Math.min(MAX_REPORT_BYTES, 10 * 1024 * 1024);

export function monitorRoutes(a: AdminDeps): Hono {
  const api = new Hono();
  // Only these paths: mounted under /api/v1, a '*' here would guard every API route.
  api.use('/monitors', requireAdmin(a.token));
  api.use('/monitors/*', requireAdmin(a.token));
  const view = async (id: string) => {
    const m = isMonitorId(id) ? await a.monitors.findMonitor(id) : undefined;
    return m ? { ...m, createdAt: new Date(m.createdAt).toISOString(), states: Object.fromEntries(await a.monitors.states(m.id)) } : undefined;
  };
  api.get('/monitors', async (c) => {
    const all = await a.monitors.monitors();
    return c.json({ monitors: await Promise.all(all.map((m) => view(m.id))) });
  });
  api.post('/monitors', bodyLimit({ maxSize: 64 * 1024, onError: (c) => errorJson(c, 413, 'too_large', 'the body is larger than 64 KB') }), async (c) => {
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = await c.req.json();
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return errorJson(c, 400, 'bad_request', 'the body must be a JSON object: {"target": "192.0.2.25", "label": "…"}');
    }
    const targets = typeof body.target === 'string' ? [body.target] : Array.isArray(body.targets) && body.targets.every((t): t is string => typeof t === 'string') ? body.targets : undefined;
    if (!targets || targets.length === 0) return errorJson(c, 400, 'bad_request', 'give "target" (an IP, a CIDR or a domain) or "targets" (a list of them)');
    if (targets.length > MAX_TARGETS) return errorJson(c, 400, 'bad_request', `at most ${MAX_TARGETS} targets at once`);
    const label = typeof body.label === 'string' ? body.label.slice(0, 200) : undefined;
    if (body.label !== undefined && typeof body.label !== 'string') return errorJson(c, 400, 'bad_request', 'label must be a string');
    try {
      // Every target is checked before any is added.
      for (const t of targets) parseMonitorTarget(t);
      const out = [];
      for (const t of targets) {
        const r = await addMonitor(a.monitors, t, label, (a.now ?? Date.now)());
        out.push({ ...(await view(r.monitor.id)), created: r.created });
      }
      return c.json({ monitors: out }, 201);
    } catch (e) {
      if (e instanceof InputError) return errorJson(c, 400, 'bad_request', e.message);
      throw e;
    }
  });
  // The body is the report itself (xml, gz or zip): its sources that passed DMARC for a watched domain are watched.
  api.post('/monitors/dmarc', bodyLimit({ maxSize: MAX_DMARC_BODY, onError: (c) => errorJson(c, 413, 'too_large', `the report is larger than ${MAX_DMARC_BODY / 1024 / 1024} MB`) }), async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return errorJson(c, 400, 'bad_request', 'the body must be a DMARC aggregate report (XML, gzip or zip)');
    try {
      const r = await addDmarcSources(a.monitors, bytes, 'the report', (a.now ?? Date.now)());
      return c.json({ domain: r.domain, added: r.added, already: r.already, skipped: r.skipped }, r.added.length > 0 ? 201 : 200);
    } catch (e) {
      if (e instanceof InputError) return errorJson(c, 400, 'bad_request', e.message);
      throw e;
    }
  });
  api.get('/monitors/:id', async (c) => {
    const m = await view(c.req.param('id'));
    if (!m) return errorJson(c, 404, 'not_found', 'no such monitor');
    const transitions = (await a.monitors.history(m.id, 'transition')).map((t) => ({ ip: t.ip, at: new Date(t.at).toISOString(), ...t.data }));
    return c.json({ ...m, transitions });
  });
  api.delete('/monitors/:id', async (c) => {
    const id = c.req.param('id');
    if (!isMonitorId(id) || !(await a.monitors.removeMonitor(id))) return errorJson(c, 404, 'not_found', 'no such monitor');
    return c.body(null, 204);
  });
  return api;
}

/** The /monitors pages: the same token, by the login form's cookie or a bearer header; a login form without it. */
export function monitorPages(a: AdminDeps): Hono {
  const pages = new Hono();
  pages.get('/monitors', async (c) => {
    if (!isAdmin(c, a.token, true)) return c.html(<MonitorsLogin />, 401);
    const list = await Promise.all((await a.monitors.monitors()).map(async (monitor) => ({ monitor, states: await a.monitors.states(monitor.id) })));
    return c.html(<MonitorsPage monitors={list} />);
  });
  pages.post('/monitors/login', bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.html(<MonitorsLogin error="That is not the admin token." />, 413) }), async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    if (!sameBytes(new TextEncoder().encode(token), new TextEncoder().encode(a.token))) return c.html(<MonitorsLogin error="That is not the admin token." />, 401);
    const secure = new URL(c.req.url).protocol === 'https:' ? '; Secure' : '';
    c.header('Set-Cookie', `${ADMIN_COOKIE}=${encodeURIComponent(token)}; Path=/monitors; HttpOnly; SameSite=Strict; Max-Age=86400${secure}`);
    return c.redirect('/monitors', 303);
  });
  pages.get('/monitors/:id', async (c) => {
    if (!isAdmin(c, a.token, true)) return c.html(<MonitorsLogin />, 401);
    const id = c.req.param('id');
    const monitor = isMonitorId(id) ? await a.monitors.findMonitor(id) : undefined;
    if (!monitor) return errorJson(c, 404, 'not_found', 'no such monitor');
    return c.html(<MonitorPage monitor={monitor} states={await a.monitors.states(monitor.id)} events={await a.monitors.history(monitor.id, undefined, 5000)} />);
  });
  return pages;
}
