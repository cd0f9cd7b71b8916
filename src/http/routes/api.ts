/**
 * The JSON API under /api/v1, described by its zod schemas.
 */
import { requireContentType, singleQuery } from '../strict-input.js';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { catalogue } from '../../../rules/index.js';
import { programs } from '../../../rules/requirements/index.js';
import { ruleSummaries } from '../../report/catalogue.js';
import { AuditInputSchema, ErrorSchema, isOn, MessageQuerySchema, ProgramSchema, ReportSchema, RuleSchema } from '../schemas.js';
import { CLAIM_LIMITS } from '../../core/claims.js';
import { errorJson } from '../errors.js';
import type { AuditService } from '../service.js';
import type { Target } from '../../core/types.js';
import type { Context } from 'hono';
import type { ReportStore } from '../../store/types.js';
import type { SinkDeps } from '../deps.js';
import { inboxStatus } from '../inbox.js';
import { isToken, newToken } from '../../sink/tokens.js';
import { batchItems } from '../../batch/input.js';
import { runBatch, type BatchEvent } from '../../batch/runner.js';
import { compact, Summary } from '../../batch/records.js';

export interface InboxDeps {
  sink: SinkDeps;
  reports: ReportStore;
  /** The public base URL for links. */
  base: (c: Context) => string;
  /** Epoch milliseconds (the injected clock). */
  now: () => number;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(ErrorSchema, 'Bad input'),
  413: json(ErrorSchema, 'Body too large'),
  429: json(ErrorSchema, 'Too many audits from this client'),
  504: json(ErrorSchema, 'The audit took too long'),
};

const auditGet = createRoute({
  method: 'get', path: '/audit', summary: 'Audit a sending IP',
  request: { query: AuditInputSchema },
  responses: { 200: json(ReportSchema, 'The report (also kept at /api/v1/reports/{id})'), ...errors },
});
const auditPost = createRoute({
  method: 'post', path: '/audit', summary: 'Audit a sending IP (JSON body)',
  request: { body: { content: { 'application/json': { schema: AuditInputSchema } }, required: true } },
  responses: { 200: json(ReportSchema, 'The report'), ...errors },
});
const auditMessage = createRoute({
  method: 'post', path: '/audit/message', summary: 'Audit a received message (raw RFC 5322)',
  request: {
    query: MessageQuerySchema,
    body: { content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
  },
  responses: { 200: json(ReportSchema, 'The report'), ...errors },
});
const reportGet = createRoute({
  method: 'get', path: '/reports/{id}', summary: 'A kept report',
  request: { params: z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'Q2hlY2tJZDEyMzQ1Njc4OQ' }) }) },
  responses: { 200: json(ReportSchema, 'The report'), 404: json(ErrorSchema, 'No such report (or expired)') },
});
const InboxSchema = z.object({ address: z.string(), token: z.string(), reportUrl: z.string() }).openapi('Inbox');
const InboxStatusSchema = z
  .object({
    status: z.enum(['waiting', 'received']),
    reports: z.array(z.object({ id: z.string(), url: z.string(), receivedAt: z.string(), ready: z.boolean(), verdict: z.string().optional(), score: z.number().optional(), error: z.string().optional().openapi({ description: 'Why no report could be made' }) })),
  })
  .openapi('InboxStatus');
const inboxCreate = createRoute({
  method: 'post', path: '/inbox', summary: 'Create a test address for the SMTP sink',
  responses: { 201: json(InboxSchema, 'The address to send a test message to'), 404: json(ErrorSchema, 'No SMTP sink runs here'), 429: errors[429] },
});
const inboxGet = createRoute({
  method: 'get', path: '/inbox/{token}', summary: 'What arrived at a test address',
  request: { params: z.object({ token: z.string().max(64).openapi({ param: { name: 'token', in: 'path' }, example: 'k3v9q2m7x1b8c4n6p0s5' }) }) },
  responses: { 200: json(InboxStatusSchema, 'waiting, or received with the reports'), 400: errors[400], 404: json(ErrorSchema, 'No SMTP sink runs here') },
});
const WatchSourceSchema = z.object({
  kind: z.enum(['authoritative', 'resolver']), server: z.string(), address: z.string().optional(), answer: z.string().optional(),
  problem: z.string().optional(), ttl: z.number().optional(), serial: z.number().optional(), sees: z.boolean(),
}).openapi('WatchSource');
const WatchStateSchema = z
  .object({
    ip: z.string(), name: z.string(), zone: z.string().optional(), expect: z.string().optional(), at: z.string(),
    ptr: z.array(WatchSourceSchema), forward: z.array(WatchSourceSchema), forwardName: z.string().optional(),
    done: z.boolean().openapi({ description: 'Every server and resolver shows the expected PTR, and its name resolves back to the IP' }),
    waitSeconds: z.number().optional().openapi({ description: 'Published at the zone\'s servers: the longest a resolver may keep its old answer' }),
    notes: z.array(z.string()),
  })
  .openapi('WatchState');
const watchGet = createRoute({
  method: 'get', path: '/watch', summary: 'One look at a PTR change: the reverse zone\'s own servers and the resolver, for scripts that poll',
  request: {
    query: z.object({
      ip: z.string().max(CLAIM_LIMITS.ip).openapi({ example: '192.0.2.55' }),
      expect: z.string().max(CLAIM_LIMITS.helo).optional().openapi({ example: 'mail.example.com', description: 'The PTR name waited for; default: any that resolves back to the IP' }),
    }),
  },
  responses: { 200: json(WatchStateSchema, 'Each server\'s answer, and whether all show it'), ...errors },
});
const BounceResultSchema = z
  .object({
    bounce: z.object({
      format: z.enum(['dsn', 'text']), writtenBy: z.string().optional(), reply: z.string().optional(), code: z.string().optional(), enhanced: z.string().optional(),
      receiver: z.object({ id: z.string(), name: z.string() }).optional(),
      meaning: z.string().optional().openapi({ description: 'The code as this receiver uses it' }),
      iana: z.string().optional().openapi({ description: 'The code in the IANA registry (RFC 3463, RFC 7372), or the basic reply code (RFC 5321)' }),
      category: z.enum(['ptr', 'helo', 'authentication', 'blocklist', 'reputation', 'mailbox', 'size', 'content', 'other']),
      authentication: z.object({ spf: z.string().optional(), dkim: z.string().optional(), dmarc: z.string().optional() }).optional(),
      ip: z.string().optional(), remoteMta: z.string().optional(), reportingMta: z.string().optional(), recipient: z.string().optional(),
      notes: z.array(z.string()),
    }),
    now: z.object({ status: z.enum(['still-there', 'published', 'fixed', 'cannot-check', 'not-rechecked', 'no-ip', 'not-decoded']), message: z.string() }),
    audit: ReportSchema.optional(),
  })
  .openapi('BounceResult');
const bouncePost = createRoute({
  method: 'post', path: '/bounce', summary: 'Decode a bounce (a DSN, an NDR, or pasted text) and audit the sending IP it names',
  request: {
    body: {
      content: { 'text/plain': { schema: z.string() }, 'message/rfc822': { schema: z.string() }, 'message/global': { schema: z.string() } },
      required: true,
    },
  },
  responses: { 200: json(BounceResultSchema, 'The receiver, the code\'s meaning there, the IP, its fresh audit, and whether the problem is still there'), ...errors },
});
export const MAX_BATCH_TARGETS = 1000;
export const MAX_BATCH_ADDRESSES = 4096;
const batchPost = createRoute({
  method: 'post', path: '/batch', summary: 'Audit many IPs and CIDRs, streamed back as NDJSON as each completes',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            targets: z.array(z.string().max(100)).min(1).max(MAX_BATCH_TARGETS).openapi({ example: ['192.0.2.55', '198.51.100.0/28'] }),
            onlyFailing: z.boolean().optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/x-ndjson': { schema: z.string() } }, description: `One compact result per address (at most ${MAX_BATCH_ADDRESSES}), then a {"summary": …} line; bad targets as {"error": …} lines` },
    ...errors,
  },
});
const rulesGet = createRoute({
  method: 'get', path: '/rules', summary: 'The rule catalogue',
  responses: { 200: json(z.array(RuleSchema), 'Every rule, from its meta') },
});

const requirementsGet = createRoute({
  method: 'get', path: '/requirements', summary: 'What each big receiver requires of senders',
  description: 'Gmail, Yahoo, Outlook.com, T-Online, GMX/WEB.DE and IONOS: each requirement, the rules that show it and the receiver\'s words (every report judges them in requirements[])',
  responses: { 200: json(z.array(ProgramSchema), 'Every program, from rules/requirements') },
});

/** The query parameters of an IP audit (the API's and the page form's). */
export const AUDIT_PARAMS = ['ip', 'helo', 'mailFrom', 'from', 'authoritative', 'probeSmtp', 'probeWeb'] as const;
/** RFC 5322 messages, and RFC 6532 ones with UTF-8 headers. */
const MESSAGE_TYPES = ['message/rfc822', 'message/global'];

export function apiRoutes(service: AuditService, options: ConstructorParameters<typeof OpenAPIHono>[0], inbox?: InboxDeps): OpenAPIHono {
  const api = new OpenAPIHono(options);
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read: the connection cannot carry another request.
        c.header('Connection', 'close');
        return errorJson(c, 413, 'too_large', `the body is over the ${maxSize} byte limit`);
      },
    });

  api.use('/audit', async (c, next) => (c.req.method === 'GET' ? singleQuery(AUDIT_PARAMS)(c, next) : next()));
  api.use('/audit/message', singleQuery(['ip', 'helo', 'mailFrom']));
  api.use('/audit/message', async (c, next) => (c.req.method === 'POST' ? requireContentType(MESSAGE_TYPES)(c, next) : next()));
  api.openapi(auditGet, async (c) => {
    const q = c.req.valid('query');
    return c.json(await service.auditIp(target(q), { authoritative: isOn(q.authoritative), probeSmtp: isOn(q.probeSmtp), probeWeb: isOn(q.probeWeb) }), 200);
  });
  api.use('/audit', async (c, next) => (c.req.method === 'POST' ? limit(service.config.maxJsonBytes)(c, next) : next()));
  api.openapi(auditPost, async (c) => {
    const body = c.req.valid('json');
    return c.json(await service.auditIp(target(body), { authoritative: isOn(body.authoritative), probeSmtp: isOn(body.probeSmtp), probeWeb: isOn(body.probeWeb) }), 200);
  });
  api.use('/audit/message', limit(service.config.maxMessageBytes));
  api.openapi(auditMessage, async (c) => {
    const q = c.req.valid('query');
    const body = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await service.auditMessage(body, { ip: q.ip, helo: q.helo, mailFrom: q.mailFrom }), 200);
  });
  api.openapi(reportGet, async (c) => {
    const report = await service.report(c.req.valid('param').id);
    return report ? c.json(report, 200) : c.json({ error: { code: 'not_found', message: 'no such report (it may have expired)' } }, 404);
  });
  api.openapi(inboxCreate, async (c) => {
    if (!inbox) return c.json({ error: { code: 'not_found', message: 'no SMTP sink runs on this server' } }, 404);
    const token = newToken();
    await inbox.sink.store.createInbox(token, inbox.now());
    const base = inbox.base(c);
    return c.json({ address: `${token}@${inbox.sink.domain}`, token, reportUrl: `${base}/inbox/${token}` }, 201);
  });
  api.openapi(inboxGet, async (c) => {
    if (!inbox) return c.json({ error: { code: 'not_found', message: 'no SMTP sink runs on this server' } }, 404);
    const token = c.req.valid('param').token.toLowerCase();
    if (!isToken(token)) return c.json({ error: { code: 'bad_request', message: 'not a test address token' } }, 400);
    return c.json(await inboxStatus(inbox.sink.store, inbox.reports, token, inbox.base(c)), 200);
  });
  api.use('/batch', async (c, next) => limit(64 * 1024)(c, next));
  api.openapi(batchPost, async (c) => {
    const body = c.req.valid('json');
    const encoder = new TextEncoder();
    const events = runBatch(batchItems(body.targets, { maxPerCidr: MAX_BATCH_ADDRESSES }), 16, (ip) => service.auditBatchIp(ip));
    const lines = batchLines(events, body.onlyFailing ?? false);
    const stream = new ReadableStream<Uint8Array>({
      // Pull-based: the next audit starts only when the client has read the last line.
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } }) as never;
  });
  api.use('/bounce', requireContentType(['text/plain', ...MESSAGE_TYPES]));
  api.use('/bounce', limit(service.config.maxMessageBytes));
  api.openapi(bouncePost, async (c) => {
    const text = new TextDecoder().decode(await c.req.arrayBuffer());
    if (text.trim() === '') return c.json({ error: { code: 'bad_request', message: 'the bounce is empty: send its text (or the whole DSN message) as the body' } }, 400);
    return c.json(await service.bounce(text), 200);
  });
  api.use('/watch', singleQuery(['ip', 'expect']));
  api.openapi(watchGet, async (c) => {
    const q = c.req.valid('query');
    return c.json(await service.watch(q.ip, q.expect), 200);
  });
  api.openapi(rulesGet, (c) => c.json(ruleSummaries(catalogue), 200));
  api.openapi(requirementsGet, (c) => c.json(programs as z.infer<typeof ProgramSchema>[], 200));
  return api;
}

function target(input: { ip: string; helo?: string | undefined; mailFrom?: string | undefined; from?: string | undefined }): Target {
  const t: Target = { ip: input.ip };
  if (input.helo !== undefined) t.helo = input.helo;
  if (input.mailFrom !== undefined) t.mailFrom = input.mailFrom;
  if (input.from !== undefined) t.from = input.from;
  return t;
}

/**
 * The lines of a batch answer: a record per address (passing ones left out
 * with onlyFailing), an error line per bad target, and always a summary last,
 * whether the input ran out or the address cap stopped it.
 */
async function* batchLines(events: AsyncGenerator<BatchEvent>, onlyFailing: boolean): AsyncGenerator<string> {
  const summary = new Summary();
  let addresses = 0;
  let capped = false;
  try {
    for await (const ev of events) {
      if (ev.kind === 'error') {
        summary.invalid++;
        yield `${JSON.stringify({ error: { line: ev.item.line, target: ev.item.text, message: ev.item.message } })}\n`;
        continue;
      }
      if (++addresses > MAX_BATCH_ADDRESSES) {
        capped = true;
        break;
      }
      const rec = compact(ev.report, ev.item.line);
      summary.add(rec);
      if (!(onlyFailing && rec.verdict === 'pass')) yield `${JSON.stringify(rec)}\n`;
    }
  } finally {
    await events.return(undefined);
  }
  if (capped) yield `${JSON.stringify({ error: { message: `more than ${MAX_BATCH_ADDRESSES} addresses; the rest were not audited` } })}\n`;
  yield `${JSON.stringify({ summary: { total: summary.total, invalid: summary.invalid, verdicts: summary.verdicts, failingRules: summary.failingRules, ...(capped ? { capped: true } : {}) } })}\n`;
}
