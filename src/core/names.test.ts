import { describe, expect, it } from 'vitest';
import { hostnameProblems, isResolvableName, organizationalDomain, subdomainPart, withoutPublicSuffix } from './names.js';

describe('domain names', () => {
  it.each([
    ['mail.example.com', 'example.com', 'mail', 'mail.example'],
    ['mail.eu.example.co.uk', 'example.co.uk', 'mail.eu', 'mail.eu.example'],
    ['example.com.', 'example.com', '', 'example'],
    ['ec2-1-2-3-4.compute-1.amazonaws.com', 'amazonaws.com', 'ec2-1-2-3-4.compute-1', 'ec2-1-2-3-4.compute-1.amazonaws'],
  ])('%s: org %s, subdomain %j', (name, org, sub, bare) => {
    expect(organizationalDomain(name)).toBe(org);
    expect(subdomainPart(name)).toBe(sub);
    expect(withoutPublicSuffix(name)).toBe(bare);
  });

  it('has no organizational domain for a bare suffix or an address', () => {
    expect(organizationalDomain('co.uk')).toBeUndefined();
    expect(organizationalDomain('192.0.2.1')).toBeUndefined();
  });

  it.each([
    ['mail.example.com', true],
    ['mail_out.example.com', true],
    ['mailhost', false],
    ['192.0.2.21', false],
    ['a..b.com', false],
    [`${'x'.repeat(64)}.com`, false],
  ])('%s resolvable: %s', (name, ok) => {
    expect(isResolvableName(name)).toBe(ok);
  });

  it('lists every problem of a bad name', () => {
    expect(hostnameProblems('-bad_name.example.com')).toEqual(['underscore', 'hyphen-edge']);
    expect(hostnameProblems('')).toEqual(['empty']);
  });
});
