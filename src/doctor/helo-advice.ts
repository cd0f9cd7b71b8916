/**
 * The HELO, in the MTA's terms: a name that is not an FQDN (Gmail: 501
 * 5.5.4), one that does not resolve, one that is not the PTR name (GMX and
 * WEB.DE want them equal). The name to suggest is the PTR name, once it is
 * confirmed and a real host name.
 */
import { shown } from '../core/errors.js';
import type { DoctorAddress } from './result.js';
import type { MtaView } from './mta.js';
import { bare, heloSetting, mtaName, set, status, type Advice } from './terms.js';

export function heloAdvice(mta: MtaView, a: DoctorAddress, oneHelo: boolean): Advice | undefined {
  if (a.helo === undefined) return undefined;
  const r = a.report;
  const setting = heloSetting(mta);
  // The name to announce: the PTR name, once it is confirmed and a real host name (not a pool or default name).
  const good = status(r, 'fcrdns') === 'pass' && r.ptr.length > 0 && status(r, 'ptr-not-generic') !== 'fail' && status(r, 'ptr-hostname') !== 'fail';
  const ptrName = good ? r.ptr.find((p) => bare(p) === bare(a.helo!)) ?? r.ptr[0]! : undefined;
  const head = { ...(setting ? { setting } : {}), ip: a.ip };
  if (status(r, 'helo-fqdn') === 'fail') {
    const gmail = a.report.receivers.find((x) => x.id === 'gmail' && x.outcome === 'rejected' && x.rules.includes('helo-fqdn'));
    return { ...head, text: `the HELO name ${shown(a.helo)} is not a fully qualified domain name${gmail ? `: Gmail rejects it (${shown(gmail.reply, 100)})` : ''}; ${ptrName ? set(mta, ptrName) : `${set(mta, 'a fully qualified name')} (the PTR name, once the PTR is right)`}` };
  }
  if (status(r, 'helo-resolves') === 'fail') {
    const publish = `publish ${bare(a.helo)}. IN ${a.family === 'ipv4' ? 'A' : 'AAAA'} ${a.ip}`;
    return { ...head, text: `the HELO name ${shown(a.helo)} does not resolve (no A/AAAA record): receivers that check it (Postfix's reject_unknown_helo_hostname, rspamd, SpamAssassin) refuse or score it; ${ptrName ? `${set(mta, ptrName)}, or ${publish}` : publish}` };
  }
  if (oneHelo && ptrName !== undefined && bare(a.helo) !== bare(ptrName)) {
    return { ...head, text: `${mtaName(mta)} announces HELO ${shown(a.helo)} from ${a.ip}, whose PTR name is ${ptrName}: GMX and WEB.DE want the HELO to be the PTR name; ${set(mta, ptrName)}` };
  }
  return undefined;
}
