/**
 * Requests and responses as zod schemas: they validate input and generate
 * the OpenAPI 3.1 document at /openapi.json.
 */
import { z } from '@hono/zod-openapi';
import { CLAIM_LIMITS } from '../core/claims.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: "'mail.example.com' is a hostname, not an IP address" }),
    }),
  })
  .openapi('Error');

const text = (max: number, example: string) => z.string().max(max).openapi({ example });

export const AuditInputSchema = z
  .object({
    ip: text(CLAIM_LIMITS.ip, '192.0.2.55').describe('The sending IP (IPv4 or IPv6).'),
    helo: text(CLAIM_LIMITS.helo, 'mail.example.com').optional().describe('The HELO/EHLO name the sender uses.'),
    mailFrom: text(CLAIM_LIMITS.mailFrom, 'bounce@example.com').optional().describe('The envelope sender (MAIL FROM).'),
    from: text(CLAIM_LIMITS.from, 'News <news@example.com>').optional().describe('The header From.'),
    authoritative: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
      .optional()
      .describe("Also ask the reverse zone's own nameservers when the PTR and FCrDNS pass (they always are when either fails)."),
    probeSmtp: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
      .optional()
      .describe("Also connect to the IP's SMTP port and compare its banner with the PTR (only where the server enables probes)."),
    probeWeb: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])])
      .optional()
      .describe("Also fetch the PTR name's home page (and its organisational domain's) and look for an imprint or contact link, as T-Online does (only where the server enables it)."),
  })
  .openapi('AuditInput');

/** A checkbox or query flag as a boolean: true, 1 and on (an HTML checkbox) are yes. */
export function isOn(v: boolean | string | undefined): boolean {
  return v === true || v === 'true' || v === '1' || v === 'on';
}

export const MessageQuerySchema = z.object({
  ip: text(CLAIM_LIMITS.ip, '192.0.2.55').optional().describe('Connecting IP, when no Received: header says it.'),
  helo: text(CLAIM_LIMITS.helo, 'mail.example.com').optional(),
  mailFrom: text(CLAIM_LIMITS.mailFrom, 'bounce@example.com').optional(),
});

const ZoneServerRowSchema = z.object({
  server: z.string(), address: z.string().optional(), answer: z.string().optional(), problem: z.string().optional(),
  ttl: z.number().optional(), serial: z.number().optional(),
}).openapi('ZoneServerRow');

const StatusSchema = z.enum(['pass', 'warn', 'fail', 'info', 'skip', 'error']);

export const ReportSchema = z
  .object({
    version: z.literal(1),
    id: z.string().openapi({ example: 'Q2hlY2tJZDEyMzQ1Njc4OQ' }),
    createdAt: z.string().openapi({ example: '2026-11-25T10:00:00.000Z' }),
    target: z.object({
      ip: z.string(), helo: z.string().optional(), mailFrom: z.string().optional(),
      from: z.string().optional().openapi({ description: 'The header From address' }),
      fromHeader: z.string().optional().openapi({ description: 'The header From as given, when it holds more than the address' }),
      entry: z.object({ header: z.string(), reason: z.string() }).optional().openapi({ description: 'Message mode: the Received: header the IP and HELO came from, and why that one' }),
    }),
    verdict: z.enum(['pass', 'warn', 'fail']),
    score: z.number().int().min(0).max(100),
    partial: z.boolean(),
    iprev: z.enum(['pass', 'fail', 'temperror', 'permerror']),
    ptr: z.array(z.string()),
    results: z.array(
      z.object({
        rule: z.string(),
        status: StatusSchema,
        title: z.string(),
        message: z.string(),
        messageId: z.string(),
        evidence: z.record(z.string(), z.unknown()),
        remedy: z.string().optional(),
      }),
    ),
    remediation: z.object({
      needed: z.boolean(),
      reverseName: z.string(),
      zone: z.string().optional(),
      delegatedTo: z.string().optional(),
      nameservers: z.array(z.string()),
      contact: z.string().optional(),
      controlledBy: z.string(),
      providerSteps: z.string().optional(),
      hostname: z.string(),
      hostnameIsPlaceholder: z.boolean(),
      record: z.string(),
      forwardRecord: z.string(),
      verify: z.array(z.string()),
      propagation: z.string(),
    }),
    authenticationResults: z.string(),
    message: z.record(z.string(), z.unknown()).optional(),
    session: z.record(z.string(), z.unknown()).optional(),
    receivers: z
      .array(
        z.object({
          id: z.string(), name: z.string(),
          outcome: z.enum(['accept', 'deferred', 'rejected', 'spam-risk', 'unknown']).openapi({ description: 'unknown: a rule that decides the answer could not be judged (a temporary DNS failure); possible says between what' }),
          possible: z.array(z.enum(['accept', 'deferred', 'rejected', 'spam-risk'])).optional(),
          reply: z.string().openapi({ description: 'The reply the receiver sends, as it publishes it ($SenderIPAddress, $Helo stand for the values); empty when it publishes none' }),
          requirement: z.string(), verbatim: z.boolean().openapi({ description: 'requirement is the provider\'s exact words (else our summary of the source)' }),
          source: z.string(), checked: z.string(), rules: z.array(z.string()),
          unknown: z.array(z.string()).optional().openapi({ description: 'Rules that could not be judged (temporary DNS failures) and could change the prediction' }),
        }),
      )
      .describe('How each big receiver and common filter will treat this sender, judged from the results'),
    requirements: z
      .array(
        z.object({
          id: z.string(), receiver: z.string().openapi({ description: 'The id in receivers[] whose prediction this program explains' }), name: z.string(), appliesTo: z.string(),
          met: z.number().int(), notMet: z.number().int(), cannotTell: z.number().int(),
          requirements: z.array(
            z.object({
              id: z.string(), title: z.string(),
              state: z.enum(['met', 'not-met', 'cannot-tell']).openapi({ description: 'cannot-tell: nothing this audit sees shows it (why says what), or a rule it needs failed temporarily (temporary: true; not a verdict)' }),
              rules: z.array(z.string()), why: z.string().optional(), temporary: z.boolean().optional(),
              quote: z.string(), verbatim: z.boolean().openapi({ description: 'quote is the receiver\'s exact words (else our summary of the source)' }),
              source: z.string(), checked: z.string(), reply: z.string().optional(),
            }),
          ),
          verdict: z
            .object({ outcome: z.enum(['accept', 'rejected', 'unknown']), because: z.array(z.string()), reply: z.string().optional() })
            .optional()
            .openapi({ description: 'Where the receiver enforces some requirements together (Outlook.com: SPF and DKIM and DMARC, else 550 5.7.515): rejected when one is not met, unknown while one cannot be told' }),
        }),
      )
      .optional()
      .describe('Each big receiver\'s published requirements for senders (Gmail, Yahoo, Outlook.com, T-Online, GMX/Web.de, IONOS), one by one, judged from the results'),
    heloSeen: z
      .array(z.object({ helo: z.string(), firstSeen: z.string(), lastSeen: z.string(), count: z.number() }))
      .optional()
      .describe('HELO names this IP used in mail to this server\'s sink, most recent first'),
    zoneServers: z
      .object({
        why: z.string(), name: z.string(), zone: z.string().optional(),
        resolver: ZoneServerRowSchema,
        servers: z.array(ZoneServerRowSchema),
        path: z.array(z.object({ zone: z.string(), nameservers: z.array(z.string()) })),
        delegatedFurther: z.object({ zone: z.string(), servers: z.array(ZoneServerRowSchema) }).optional(),
        forward: z.array(z.object({ name: z.string(), zone: z.string().optional(), resolver: ZoneServerRowSchema.optional(), servers: z.array(ZoneServerRowSchema) })),
      })
      .optional()
      .describe("The reverse zone's own nameservers, asked directly, beside the resolver's answer: present when the PTR or FCrDNS did not pass, or when asked."),
    dns: z.array(
      z.object({
        name: z.string(), type: z.string(), rcode: z.string(), outcome: z.string(), answers: z.array(z.string()),
        ttl: z.number(), ms: z.number(), server: z.string(), transport: z.string(), detail: z.string().optional(), authoritative: z.boolean().optional(),
      }),
    ),
    elapsedMs: z.number(),
  })
  .openapi('Report');

export const RuleSchema = z
  .object({
    id: z.string(), title: z.string(), failureTitle: z.string(), rationale: z.string(), weight: z.number(),
    severity: z.enum(['critical', 'major', 'minor', 'info']), refs: z.array(z.string()), requires: z.array(z.string()),
  })
  .openapi('Rule');

const QuoteSchema = z.object({ text: z.string(), source: z.string(), checked: z.string(), verbatim: z.boolean() });
const CheckSchema = z.union([
  z.object({ all: z.array(z.string()), warnMeets: z.union([z.boolean(), z.array(z.string())]).optional(), meetsWith: z.record(z.string(), z.array(z.string())).optional(), passOnly: z.record(z.string(), z.array(z.string())).optional() }),
  z.object({ any: z.array(z.string()), warnMeets: z.union([z.boolean(), z.array(z.string())]).optional(), meetsWith: z.record(z.string(), z.array(z.string())).optional(), passOnly: z.record(z.string(), z.array(z.string())).optional() }),
  z.object({ cannotTell: z.string() }),
]);

export const ProgramSchema = z
  .object({
    id: z.string(), receiver: z.string(), name: z.string(), appliesTo: z.string(),
    enforced: z.object({ requirements: z.array(z.string()), reply: z.string() }).optional(),
    requirements: z.array(z.object({
      id: z.string(), title: z.string(), quote: QuoteSchema,
      check: CheckSchema.openapi({ description: 'The rules that show it: all of them, any one, or cannotTell (nothing an audit sees shows it, and why)' }),
      ipVersion: z.union([z.literal(4), z.literal(6)]).optional(), reply: z.string().optional(),
    })),
  })
  .openapi('RequirementProgram');
