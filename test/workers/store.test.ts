/** The D1 store inside workerd, on a D1 database with migrations/ applied (the same SQL as the SQLite store). */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openD1Store } from '../../src/store/d1.js';
import { storeContract } from '../support/store-contract.js';

storeContract('D1 store (workerd)', async () => openD1Store(env.DB));

describe('D1 schema', () => {
  it('has the tables and the audit_error column the migrations make', async () => {
    const cols = await env.DB.prepare("SELECT name FROM pragma_table_info('messages')").all<{ name: string }>();
    expect(cols.results.map((c) => c.name)).toEqual(['id', 'token', 'received_at', 'session', 'raw', 'audited_at', 'audit_error']);
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('reports', 'inboxes', 'messages') ORDER BY name").all<{ name: string }>();
    expect(tables.results.map((t) => t.name)).toEqual(['inboxes', 'messages', 'reports']);
  });
});
