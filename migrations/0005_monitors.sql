-- Monitoring (DESIGN "Monitoring"): watched targets, the last confirmed state
-- of each address, and every look, confirmation, transition and delivery.
CREATE TABLE monitors (
  id TEXT PRIMARY KEY,
  target TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  label TEXT,
  created_at INTEGER NOT NULL
);
-- The last confirmed state of each address a target covers: its verdict and the rules that fail.
CREATE TABLE monitor_states (
  monitor_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  verdict TEXT NOT NULL,
  failing TEXT NOT NULL,
  confirmed_at INTEGER NOT NULL,
  PRIMARY KEY (monitor_id, ip)
);
-- Looks, baselines, confirmations, transitions, temporary failures, deliveries: kept (retention applies).
CREATE TABLE monitor_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  monitor_id TEXT NOT NULL,
  ip TEXT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX monitor_events_monitor ON monitor_events (monitor_id, kind, seq);
CREATE INDEX monitor_events_at ON monitor_events (at);
-- Webhook deliveries that failed within their round: tried again at the next.
CREATE TABLE monitor_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  url TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
