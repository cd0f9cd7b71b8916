import { describe, expect, it } from 'vitest';
import { renderWatch } from './text.js';
import type { WatchState } from './poll.js';

const base: WatchState = {
  ip: '203.0.113.10', name: '10.113.0.203.in-addr.arpa', zone: '113.0.203.in-addr.arpa', expect: 'mail.fresh.example', at: '2026-12-01T22:00:00.000Z',
  ptr: [
    { kind: 'authoritative', server: 'ns1.rdns.example', address: '192.0.2.201', answer: 'mail.fresh.example', ttl: 3600, serial: 2026120102, sees: true },
    { kind: 'authoritative', server: 'ns2.rdns.example', address: '192.0.2.202', problem: 'refused', sees: false },
    { kind: 'resolver', server: '127.0.0.1:53', answer: 'none', ttl: 2460, sees: false },
  ],
  forward: [{ kind: 'resolver', server: '127.0.0.1:53', answer: '203.0.113.10', ttl: 300, sees: true }],
  forwardName: 'mail.fresh.example',
  done: false,
  notes: [],
};

describe('the watch table', () => {
  it('shows each server, what it answers, its TTL and serial, and whether it shows the name', () => {
    const text = renderWatch(base, 12_400);
    expect(text).toContain('ptrcheck watch 203.0.113.10  waiting for mail.fresh.example  (2026-12-01T22:00:00.000Z, 12 s in)');
    expect(text).toMatch(/^ {2}yes {6}ns1\.rdns\.example 192\.0\.2\.201 +mail\.fresh\.example +ttl 3600 {2}serial 2026120102$/m);
    expect(text).toMatch(/^ {2}not yet {2}ns2\.rdns\.example 192\.0\.2\.202 +REFUSED/m);
    expect(text).toMatch(/^ {2}not yet {2}resolver 127\.0\.0\.1:53 +none +ttl 2460$/m);
    expect(text).toMatch(/mail\.fresh\.example → 203\.0\.113\.10\?/);
    expect(text).toMatch(/Not published at every one of the zone's own servers yet/);
  });

  it('says how long the slowest cache may keep the old answer once the servers have it', () => {
    const published = { ...base, ptr: [base.ptr[0]!, base.ptr[2]!], waitSeconds: 2460 };
    expect(renderWatch(published, 0)).toContain('Published at the zone\'s servers; the slowest resolver cache expires in 2460 s.');
    expect(renderWatch({ ...base, done: true }, 0)).toContain('Every server and resolver shows it: done.');
  });

  it('keeps control characters in names off the terminal', () => {
    const hostile = { ...base, ptr: [{ ...base.ptr[0]!, answer: 'evil\u001b[2J.example' }] };
    expect(renderWatch(hostile, 0)).not.toContain('\u001b');
  });
});
