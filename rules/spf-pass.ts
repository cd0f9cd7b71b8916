import { defineRule } from '../src/core/rule.js';
import type { SpfResult, Status } from '../src/core/types.js';

const STATUS: Record<SpfResult, Status> = {
  pass: 'pass', fail: 'fail', softfail: 'warn', neutral: 'warn', none: 'warn', permerror: 'fail', temperror: 'error',
};

export default defineRule({
  meta: {
    id: 'spf-pass',
    title: 'SPF authorizes the IP',
    failureTitle: 'SPF does not authorize the IP',
    rationale: 'Gmail and Yahoo require SPF or DKIM for every sender (both for bulk senders); an SPF fail gets mail rejected or spam-foldered.',
    weight: 4,
    severity: 'major',
    refs: ['RFC 7208', 'Gmail sender guidelines', 'Yahoo sender requirements'],
    requires: ['spf', 'ip'],
    lookups: ['spf'],
    authres: 'spf',
    messages: {
      pass: 'SPF pass: {domain} authorizes {address} ({record}).',
      fail: 'SPF fail: {domain} does not authorize {address} ({record}).',
      softfail: 'SPF softfail: {domain} does not authorize {address}, without a hard fail ({record}).',
      neutral: 'SPF neutral: {domain} neither authorizes nor denies {address} ({record}).',
      none: 'SPF none: {domain} publishes no SPF record.',
      permerror: 'SPF permerror: {domain}\'s SPF record is broken ({comment}).',
      temperror: 'SPF temperror: a DNS lookup failed temporarily ({comment}); try again.',
    },
    remedies: {
      fail: 'Add this server to {domain}\'s SPF record, e.g. ip4:/ip6: {address} or the include: of your mail provider.',
      softfail: 'Add this server to {domain}\'s SPF record, e.g. ip4:/ip6: {address} or the include: of your mail provider.',
      neutral: 'Add this server to {domain}\'s SPF record and end it with -all or ~all.',
      none: 'Publish an SPF record for {domain}: a TXT record "v=spf1 ip4:… include:… -all" listing every server that sends its mail.',
      permerror: 'Fix {domain}\'s SPF record: one v=spf1 TXT record, valid syntax, at most 10 DNS-querying terms.',
    },
  },
  run({ spf, ip }) {
    const data = {
      domain: spf.domain, address: ip.address, identity: spf.identity, result: spf.result, comment: spf.comment,
      record: spf.record ?? 'no record',
      authres: { result: spf.result, props: { [spf.identity === 'helo' ? 'smtp.helo' : 'smtp.mailfrom']: spf.domain } },
    };
    return { status: STATUS[spf.result], messageId: spf.result, data };
  },
});
