/**
 * Test addresses: a fresh unguessable token per address, and what arrived
 * for it. Shared by the API and the inbox page.
 */
import type { ReportStore, SinkStore } from '../store/types.js';

export interface InboxStatus {
  status: 'waiting' | 'received';
  reports: { id: string; url: string; receivedAt: string; ready: boolean; verdict?: string; score?: number; error?: string }[];
}


export async function inboxStatus(sink: SinkStore, reports: ReportStore, token: string, base: string): Promise<InboxStatus> {
  const entries = await sink.inboxMessages(token);
  const out: InboxStatus['reports'] = [];
  for (const e of entries) {
    const report = e.auditedAt !== undefined ? await reports.get(e.id) : undefined;
    out.push({
      id: e.id,
      url: `${base}/r/${e.id}`,
      receivedAt: new Date(e.receivedAt).toISOString(),
      ready: report !== undefined,
      ...(report ? { verdict: report.verdict, score: report.score } : {}),
      ...(e.error !== undefined ? { error: e.error } : {}),
    });
  }
  return { status: entries.length > 0 ? 'received' : 'waiting', reports: out };
}
