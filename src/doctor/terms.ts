/** The words advice is made of: an MTA's name and its HELO setting, who would refuse, a rule's status. */
import type { Report } from '../core/types.js';
import { shown } from '../core/errors.js';
import type { DoctorAddress } from './result.js';
import type { MtaView } from './mta.js';

export interface Advice {
  /** The MTA setting the advice is about, when it is one. */
  setting?: string;
  /** The address it is about, when it is one. */
  ip?: string;
  text: string;
}

export const status = (r: Report, rule: string) => r.results.find((x) => x.rule === rule)?.status;
export const fam = (a: DoctorAddress) => (a.family === 'ipv4' ? 'IPv4' : 'IPv6');
export const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

export function mtaName(mta: MtaView): string {
  return mta.kind === 'postfix' ? 'Postfix' : mta.kind === 'exim' ? 'Exim' : 'This host';
}

/** The HELO setting's name in this MTA. */
export function heloSetting(mta: MtaView): string | undefined {
  return mta.kind === 'postfix' ? 'smtp_helo_name' : mta.kind === 'exim' ? 'helo_data' : undefined;
}

export function set(mta: MtaView, value: string): string {
  const s = heloSetting(mta);
  if (s === 'helo_data') return `set \`helo_data = ${value}\` in the remote_smtp transport`;
  return s ? `set \`${s} = ${value}\`` : `make the MTA announce ${value} in HELO`;
}

/** "Gmail and Outlook.com reject …" with the first one's reply, shortened. */
export function who(a: DoctorAddress, ids: readonly string[], verb: string): string {
  const rs = a.report.receivers.filter((r) => ids.includes(r.id));
  const names = rs.map((r) => r.name);
  const listed = names.length <= 3 ? names.join(names.length === 2 ? ' and ' : ', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const reply = rs.find((r) => r.reply !== '')?.reply;
  return `${listed} ${verb}${reply ? ` (${shown(reply, 70)})` : ''}`;
}
