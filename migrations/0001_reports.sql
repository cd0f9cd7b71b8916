-- Reports, keyed by an unguessable 128-bit id. Plain SQLite: the same file
-- is applied by the Node store (node:sqlite) and by `wrangler d1 migrations`.
CREATE TABLE IF NOT EXISTS reports (
  id          TEXT PRIMARY KEY,
  created_at  INTEGER NOT NULL,   -- epoch milliseconds
  ip          TEXT NOT NULL,
  verdict     TEXT NOT NULL,
  score       INTEGER NOT NULL,
  json        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_created_at ON reports (created_at);
