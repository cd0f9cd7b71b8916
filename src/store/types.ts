/**
 * Where reports live, so permalinks outlast the process. One interface for
 * SQLite on Node and D1 on Workers; the SQL in migrations/ serves both.
 */
import type { Report } from '../core/types.js';

export interface ReportStore {
  save(report: Report): Promise<void>;
  get(id: string): Promise<Report | undefined>;
  /** Deletes reports created before `epochMs`; returns how many. */
  deleteOlderThan(epochMs: number): Promise<number>;
}

/** Report ids are 22 URL-safe base64 characters (128 bits): anything else is not one. */
export function isReportId(id: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(id);
}
