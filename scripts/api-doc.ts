/**
 * docs/http-api.md's reference part, generated from the OpenAPI document the
 * app itself serves at /openapi.json (an app over an in-memory store whose
 * resolver is never asked), so the page cannot drift from the routes.
 */
import { createApp } from '../src/http/app.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { createNodeResolver } from '../src/dns/node.js';

interface Param { name: string; in: string; required?: boolean; description?: string; schema?: { type?: string; enum?: unknown[] } }
interface Operation { summary?: string; description?: string; parameters?: Param[]; requestBody?: { content?: Record<string, unknown> }; responses?: Record<string, { description?: string }> }
export interface OpenApiDocument { paths: Record<string, Record<string, Operation>> }

export async function openApiDocument(): Promise<OpenApiDocument> {
  const store = openSqliteStore(':memory:');
  // Nothing is audited: the resolver exists only because the app takes one.
  const resolver = createNodeResolver({ servers: [{ host: '127.0.0.1', port: 9 }], timeoutMs: 1, retries: 0 });
  try {
    const res = await createApp({ resolver, store }).request('/openapi.json');
    return (await res.json()) as OpenApiDocument;
  } finally {
    resolver.close();
    store.close();
  }
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function apiMarkdown(doc: OpenApiDocument): string {
  const out: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      out.push(`### \`${method.toUpperCase()} ${path}\``, '');
      if (op.summary) out.push(op.summary, '');
      if (op.description && op.description !== op.summary) out.push(op.description, '');
      const params = op.parameters ?? [];
      if (params.length > 0) {
        out.push('| parameter | in | required | what |', '|---|---|---|---|');
        for (const p of params) out.push(`| \`${p.name}\` | ${p.in} | ${p.required ? 'yes' : 'no'} | ${cell(p.description)}${p.schema?.enum ? ` (${p.schema.enum.map(String).join(', ')})` : ''} |`);
        out.push('');
      }
      const body = Object.keys(op.requestBody?.content ?? {});
      if (body.length > 0) out.push(`Body: ${body.map((b) => `\`${b}\``).join(', ')}`, '');
      const responses = Object.entries(op.responses ?? {});
      if (responses.length > 0) out.push(`Answers: ${responses.map(([code, r]) => `${code} ${cell(r.description)}`).join('; ')}`, '');
    }
  }
  return out.join('\n').trimEnd();
}
