/**
 * The HELO names a sending IP used at this server's sink, added to reports
 * for that IP (Spamhaus's checker shows the like; few others do).
 */
import type { Report } from '../core/types.js';
import type { SinkStore } from './types.js';

/** A report with the HELO names its IP used at the sink (at most 10), when there are any. */
export async function withHeloHistory(report: Report, sink: Pick<SinkStore, 'recentHelos'> | undefined): Promise<Report> {
  if (!sink) return report;
  const seen = await sink.recentHelos(report.target.ip, 10);
  if (seen.length === 0) return report;
  return { ...report, heloSeen: seen.map((h) => ({ helo: h.helo, firstSeen: new Date(h.firstSeen).toISOString(), lastSeen: new Date(h.lastSeen).toISOString(), count: h.count })) };
}

