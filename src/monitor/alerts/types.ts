/**
 * The alert vocabulary (DESIGN.md, Monitoring): one confirmed transition of one
 * address, as the webhook body carries it, and one delivery attempt as the
 * history keeps it.
 */

export interface MonitorRef {
  id: string;
  /** What was added: an IP, a CIDR or a domain (user input: escape it wherever it is shown). */
  target: string;
  label?: string;
}

export interface StateSnapshot {
  verdict: 'pass' | 'warn' | 'fail';
  /** The ids of the rules that fail, sorted. */
  failing: string[];
}

export interface TransitionEvent {
  event: 'monitor.transition';
  monitor: MonitorRef;
  ip: string;
  /** null: the first look (a baseline, never alerted; rendered "first look" if it ever is). */
  from: StateSnapshot | null;
  to: StateSnapshot;
  /** ISO-8601. */
  at: string;
  reportUrl?: string;
}

export interface DeliveryAttempt {
  channel: 'webhook' | 'slack' | 'email';
  /** Where it went, without credentials, query or fragment (a Slack hook's secret path is not kept either). */
  url: string;
  /** 1 for the first try. */
  attempt: number;
  /** ISO-8601, when the attempt started. */
  at: string;
  ms: number;
  /** The HTTP status, when a response came. */
  status?: number;
  error?: string;
  ok: boolean;
}
