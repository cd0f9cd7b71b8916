import { describe, expect, it } from 'vitest';
import { combine, createLogger, logObserver } from './logs.js';
import type { Report } from '../core/types.js';

const report = { id: 'RRRRRRRRRRRRRRRRRRRRRR', target: { ip: '192.0.2.1', helo: 'evil\u001b[2J\nfake line' }, verdict: 'fail', score: 10, partial: false, elapsedMs: 12 } as unknown as Report;

describe('log lines', () => {
  it('json: one parseable line per event, attacker strings escaped inside it', () => {
    const lines: string[] = [];
    logObserver(createLogger('json', (l) => lines.push(l))).audit!({ mode: 'ip', report, url: 'https://check.example/r/RRRRRRRRRRRRRRRRRRRRRR', client: '198.51.100.9' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'audit', service: 'ptrcheck', reportId: report.id, url: 'https://check.example/r/RRRRRRRRRRRRRRRRRRRRRR', ip: '192.0.2.1', verdict: 'fail', client: '198.51.100.9', helo: 'evil\u001b[2J\nfake line' });
  });

  it('text: one line per event for a terminal, control characters shown, not obeyed', () => {
    const lines: string[] = [];
    logObserver(createLogger('text', (l) => lines.push(l))).audit!({ mode: 'sink', report });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info audit event=audit mode=sink reportId=RRRRRRRRRRRRRRRRRRRRRR ip=192\.0\.2\.1 helo=evil\\x1b\[2J\\x0afake line verdict=fail/);
    expect(lines[0]!.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
  });

  it('off: nothing at all', () => {
    const lines: string[] = [];
    const log = createLogger('off', (l) => lines.push(l));
    logObserver(log).audit!({ mode: 'ip', report });
    expect(lines).toEqual([]);
  });

  it('combine: every observer that takes an event gets it', () => {
    const seen: string[] = [];
    const both = combine({ smtpRefused: (e) => seen.push(`a:${e.reason}`) }, { smtpRefused: (e) => seen.push(`b:${e.reason}`), rateLimited: () => seen.push('limited') });
    both.smtpRefused!({ id: 's1', reason: 'relay' });
    both.rateLimited!({ route: '/api/v1/audit', client: 'x' });
    expect(seen).toEqual(['a:relay', 'b:relay', 'limited']);
    expect(both.audit).toBeUndefined();
  });
});
