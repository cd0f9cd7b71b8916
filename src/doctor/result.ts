/**
 * The doctor's answer: each sending address audited with the HELO the MTA
 * really sends, what the mailbox providers would do with it, and the advice.
 * Exit 1 when a mailbox provider would reject one of them; a prediction a
 * temporary DNS failure left `unknown` is never a rejection.
 *
 * `ptrcheck doctor --json` prints DoctorResult (docs/doctor.md "Run it on your mail
 * server: doctor"); its fields are a contract, added to, never changed.
 */
import { checkClaims } from '../core/claims.js';
import { InputError } from '../core/errors.js';
import type { ReceiverSpec } from '../core/receivers.js';
import type { Report } from '../core/types.js';
import type { AddressChoice, SendingAddress } from './addresses.js';
import { advise, type Advice } from './advice.js';
import type { MtaView } from './mta.js';

/** rejected: a mailbox provider refuses it; unknown: one could, lookups failed; at-risk: deferred or likely junk; ok: none of those. */
export type AddressVerdict = 'rejected' | 'unknown' | 'at-risk' | 'ok';

export interface DoctorAddress extends SendingAddress {
  /** The HELO audited with it (the MTA's), absent when it could not be told. */
  helo?: string;
  verdict: AddressVerdict;
  /** Mailbox providers (receiver ids) that would reject mail from it. */
  rejectedBy: string[];
  /** Mailbox providers that would defer it or file it as junk. */
  atRiskBy: string[];
  /** Mailbox providers whose answer a temporary DNS failure left open. */
  cannotTell: string[];
  report: Report;
}

export interface DoctorResult {
  mta: MtaView;
  addresses: DoctorAddress[];
  /** About the addresses chosen (a family the MTA does not use, a bind address that is not public). */
  notes: string[];
  advice: Advice[];
  exit: 0 | 1;
}

export type AuditOne = (target: { ip: string; helo?: string }) => Promise<Report>;

export function classify(report: Report, providers: ReadonlySet<string>): Pick<DoctorAddress, 'verdict' | 'rejectedBy' | 'atRiskBy' | 'cannotTell'> {
  const mine = report.receivers.filter((r) => providers.has(r.id));
  const rejectedBy = mine.filter((r) => r.outcome === 'rejected').map((r) => r.id);
  const atRiskBy = mine.filter((r) => r.outcome === 'deferred' || r.outcome === 'spam-risk').map((r) => r.id);
  const cannotTell = mine.filter((r) => r.outcome === 'unknown').map((r) => r.id);
  const verdict: AddressVerdict = rejectedBy.length > 0 ? 'rejected' : cannotTell.length > 0 ? 'unknown' : atRiskBy.length > 0 ? 'at-risk' : 'ok';
  return { verdict, rejectedBy, atRiskBy, cannotTell };
}

export async function runDoctor(mta: MtaView, choice: AddressChoice, audit: AuditOne, receivers: readonly ReceiverSpec[]): Promise<DoctorResult> {
  const notes = [...choice.notes];
  let helo = mta.helo;
  if (helo !== undefined) {
    try {
      checkClaims({ helo }, { helo: 'the HELO name' });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      notes.push(`${e.message}: audited without it`);
      helo = undefined;
    }
  }
  const providers = new Set(receivers.filter((r) => r.kind === 'mailbox-provider').map((r) => r.id));
  const addresses = await Promise.all(
    choice.addresses.map(async (a): Promise<DoctorAddress> => {
      const report = await audit({ ip: a.ip, ...(helo !== undefined ? { helo } : {}) });
      return { ...a, ...(helo !== undefined ? { helo } : {}), ...classify(report, providers), report };
    }),
  );
  return { mta, addresses, notes, advice: advise(mta, addresses), exit: addresses.some((a) => a.verdict === 'rejected') ? 1 : 0 };
}
