/**
 * Outlook.com's requirements for high-volume senders (more than 5,000
 * messages a day to outlook.com, hotmail.com and live.com), announced on
 * Microsoft's Tech Community blog on 2025-04-02 and enforced with a 550
 * 5.7.515 rejection since 2025-05-05 (the update of 2025-04-29), plus its
 * general policy (a valid reverse DNS, no dynamic IP space). The post and the
 * policy page are not in the stored corpora; their wording was read in dated
 * copies (azumakuniyuki/feb-2024-no-auth-no-entry: the post as of
 * 2025-08-02, the policy page 2026-06-15), so the quotes are verbatim: false.
 *
 * SPF, DKIM and DMARC are three rows, not one `all`: the post asks DKIM only
 * to pass (a valid signature in another domain, dkim-pass's warn, does),
 * while SPF must pass outright (spf-pass warns on softfail) and DMARC must
 * pass (dmarc-pass warns when there is no policy), and warnMeets covers every
 * rule a check names. Each row carries the 5.7.515 reply.
 */
import type { ProgramSpec } from '../../src/core/requirements.js';

const POST = 'https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730';
const POLICIES = 'https://sendersupport.olc.protection.outlook.com/pm/policies.aspx';
const CHECKED = '2026-12-07';
const quote = (text: string, source = POST) => ({ text, source, checked: CHECKED, verbatim: false });
const REJECTED = '550 5.7.515 Access denied, sending domain [SendingDomain] does not meet the required authentication level.';

export const outlookHighVolume: ProgramSpec = {
  id: 'outlook-com-high-volume',
  receiver: 'outlook-com',
  name: 'Outlook.com, high-volume senders',
  appliesTo: 'domains sending more than 5,000 messages a day to Outlook.com, Hotmail and Live addresses',
  // Enforced together since 2025-05-05: SPF pass and DKIM pass and aligned DMARC, else 5.7.515 (stricter than DMARC alone).
  enforced: { requirements: ['spf', 'dkim', 'dmarc'], reply: REJECTED },
  requirements: [
    {
      id: 'spf',
      title: 'SPF passes for the sending domain',
      quote: quote('SPF must pass for the sending domain; its DNS record should accurately list the authorized IP addresses and hosts.'),
      check: { all: ['spf-pass'] },
      reply: REJECTED,
    },
    {
      id: 'dkim',
      title: 'DKIM passes',
      quote: quote('DKIM must pass, to validate email integrity and authenticity.'),
      check: { all: ['dkim-pass'], warnMeets: true },
      reply: REJECTED,
    },
    {
      id: 'dmarc',
      title: 'DMARC passes: a policy of at least p=none, aligned with SPF or DKIM',
      quote: quote('DMARC: at least p=none, and aligned with either SPF or DKIM (preferably both).'),
      // dmarc-pass passes only with a published policy (p=none counts) and an aligned SPF or DKIM pass.
      check: { all: ['dmarc-pass'] },
      reply: REJECTED,
    },
    {
      id: 'ptr',
      title: 'The sending IP has a PTR record whose name resolves back to it',
      quote: quote('Email servers must have valid reverse DNS records.', POLICIES),
      check: { all: ['ptr-present', 'fcrdns'] },
    },
    {
      id: 'not-dynamic',
      title: 'The IP is not in dynamic (residential) address space',
      quote: quote('Connections from dynamic IP space may not be accepted.', POLICIES),
      // Only a dynamic-pool name (fail) reads as dynamic space; a generic static or cloud name (warn) is not refused for it.
      check: { all: ['ptr-not-generic'], warnMeets: true },
      reply: "550 DY-001 Unfortunately, messages from [$SenderIPAddress] weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges.",
    },
    {
      id: 'sender-address',
      title: 'Recommended: the From and MAIL FROM domains exist and can receive replies',
      quote: quote('Ensure the From or Reply-To address is valid, reflects the true sending domain, and can receive replies.'),
      check: { all: ['from-domain-resolves'] },
    },
    {
      id: 'unsubscribe',
      title: 'Recommended: a functional, clearly visible unsubscribe link',
      quote: quote('Provide an easy, clearly visible way for recipients to opt out of further messages, particularly for marketing or bulk mail.'),
      check: { cannotTell: 'an unsubscribe link in the message body is not checked here' },
    },
    {
      id: 'list-hygiene',
      title: 'Recommended: invalid addresses are removed and bounces handled',
      quote: quote('Remove invalid addresses regularly to reduce spam complaints, bounces, and wasted messages.'),
      check: { cannotTell: 'list hygiene shows only in your own sending records' },
    },
  ],
};
