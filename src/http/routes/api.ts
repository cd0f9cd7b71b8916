/**
 * The JSON API under /api/v1, described by its zod schemas.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { catalogue } from '../../../rules/index.js';
import { AuditInputSchema, ErrorSchema, MessageQuerySchema, ReportSchema, RuleSchema } from '../schemas.js';
import { errorJson } from '../errors.js';
import type { AuditService } from '../service.js';
import type { Target } from '../../core/types.js';

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
const rulesGet = createRoute({
  method: 'get', path: '/rules', summary: 'The rule catalogue',
  responses: { 200: json(z.array(RuleSchema), 'Every rule, from its meta') },
});

export function apiRoutes(service: AuditService, options: ConstructorParameters<typeof OpenAPIHono>[0]): OpenAPIHono {
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

  api.openapi(auditGet, async (c) => c.json(await service.auditIp(target(c.req.valid('query'))), 200));
  api.use('/audit', async (c, next) => (c.req.method === 'POST' ? limit(service.config.maxJsonBytes)(c, next) : next()));
  api.openapi(auditPost, async (c) => c.json(await service.auditIp(target(c.req.valid('json'))), 200));
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
  api.openapi(rulesGet, (c) =>
    c.json(catalogue.map(({ meta: { id, title, failureTitle, rationale, weight, severity, refs, requires } }) => ({ id, title, failureTitle, rationale, weight, severity, refs, requires: [...requires] })), 200),
  );
  return api;
}

function target(input: { ip: string; helo?: string | undefined; mailFrom?: string | undefined; from?: string | undefined }): Target {
  const t: Target = { ip: input.ip };
  if (input.helo !== undefined) t.helo = input.helo;
  if (input.mailFrom !== undefined) t.mailFrom = input.mailFrom;
  if (input.from !== undefined) t.from = input.from;
  return t;
}
