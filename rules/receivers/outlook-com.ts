/**
 * Outlook.com (Hotmail, Live, MSN). DY-001 is its answer to mail from
 * address space it considers dynamically assigned. Text as Outlook.com
 * sends it, per its troubleshooting page. Checked 2026-12-01.
 */
import type { ReceiverSpec } from '../../src/core/receivers.js';

const POLICIES = 'https://sendersupport.olc.protection.outlook.com/pm/policies.aspx';
const TROUBLESHOOTING = 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx';
const CHECKED = '2026-12-01';

const outlookCom: ReceiverSpec = {
  id: 'outlook-com',
  name: 'Outlook.com',
  kind: 'mailbox-provider',
  accept: '250 2.6.0 Queued mail for delivery',
  requirement: { text: 'Outlook.com expects every sending IP to have valid reverse DNS (a PTR record whose name resolves back to it), and mail from residential or dynamic address space is refused.', source: POLICIES, checked: CHECKED, verbatim: false },
  verdicts: [
    {
      when: { rule: 'ptr-not-generic', status: 'fail' },
      outcome: 'rejected',
      reply: "550 DY-001 Unfortunately, messages from [$SenderIPAddress] weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.",
      requirement: { text: 'Hotmail does not relay dynamically-assigned IP ranges.', source: TROUBLESHOOTING, checked: CHECKED, verbatim: true },
    },
    {
      when: { any: [{ rule: 'ptr-present', status: 'fail' }, { rule: 'fcrdns', status: 'fail' }] },
      outcome: 'spam-risk',
      reply: '',
      requirement: { text: 'Outlook.com expects every sending IP to have valid reverse DNS (a PTR record whose name resolves back to it), and mail from residential or dynamic address space is refused.', source: POLICIES, checked: CHECKED, verbatim: false },
    },
  ],
  // Listed before microsoft-365, which shares its servers: only Outlook.com's own marks here (its olc MX hosts,
  // not a tenant's *.mail.protection.outlook.com; its S-codes, DY-/SC-/RP- codes and live.com links).
  recognise: {
    hosts: [/(^|\.)(hotmail|live|msn)\.com$/i, /^outlook\.com$/i, /\.olc\.protection\.outlook\.com$/i],
    replies: [/\bDY-00\d\b/, /\bS3150\b/, /\((?:S\d{3,10})\)/, /\b(?:SC|RP)-00\d\b/, /mail\.live\.com/i, /postmaster\.live\.com/i, /sendersupport\.olc\.protection\.outlook\.com/i],
  },
  codes: { 'DY-001': 'Outlook.com: the IP is in address space it treats as dynamically assigned (residential); ask the ISP for a static, named address or relay through a mail provider' },
};
export default outlookCom;
