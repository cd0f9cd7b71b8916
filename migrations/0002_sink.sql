-- The SMTP sink: test addresses (inboxes) and every message accepted for
-- them, committed before the 250 reply. A message's id is the id of the
-- report its 250 reply announces; audited_at stays NULL until that report
-- is stored, so a restart audits whatever was accepted but not yet judged.
CREATE TABLE IF NOT EXISTS inboxes (
  token       TEXT PRIMARY KEY,
  created_at  INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  id          TEXT PRIMARY KEY,
  token       TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  session     TEXT NOT NULL,
  raw         BLOB NOT NULL,
  audited_at  INTEGER
);
CREATE INDEX IF NOT EXISTS messages_token ON messages (token, received_at);
CREATE INDEX IF NOT EXISTS messages_pending ON messages (audited_at) WHERE audited_at IS NULL;
