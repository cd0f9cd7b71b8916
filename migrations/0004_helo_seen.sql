-- The HELO names each sending IP used at the sink, with when they were first
-- and last seen: reports for that IP show them (a HELO that changes from
-- message to message is a sign of a misconfigured or hijacked host). At most
-- 20 names per IP are kept; retention deletes the old ones.
CREATE TABLE helo_seen (
  ip TEXT NOT NULL,
  helo TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (ip, helo)
);
CREATE INDEX helo_seen_last ON helo_seen (last_seen);
