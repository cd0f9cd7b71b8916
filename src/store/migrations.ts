/**
 * Migrations are the numbered .sql files in migrations/ (wrangler's D1
 * layout). Applied in order, each once, recorded in schema_migrations.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
)`;

/** "0001_reports.sql" → version 1; other files are not migrations. */
export function migrationVersion(file: string): number | undefined {
  const m = /^(\d{4})_[\w-]+\.sql$/.exec(file);
  return m ? Number(m[1]) : undefined;
}
