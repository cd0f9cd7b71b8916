/**
 * One view of the mail server, whichever it is: what it announces in HELO,
 * which address families it uses and prefers, which addresses it binds
 * to, and where that was read. `ptrcheck doctor --json` prints it as `mta`.
 */
import type { EximView } from './exim.js';
import { eximFamilies } from './exim.js';
import type { Family, PostfixView } from './postfix.js';

export type { Family } from './postfix.js';

export interface MtaView {
  kind: 'postfix' | 'exim' | 'none';
  /** Where the settings came from: Postfix's postconf, our reading of main.cf, an Exim file, or nothing found. */
  source: 'postconf' | 'main.cf' | 'exim' | 'none';
  /** The directory or file read. */
  config?: string;
  /** The MTA's own names and values (Postfix: expanded). */
  settings: Record<string, string>;
  /** Settings the configuration does not set (the MTA's default applies). */
  defaulted: string[];
  /** The HELO name it sends; absent when it cannot be told. */
  helo?: string;
  families: Record<Family, boolean>;
  /** The family tried first when a receiver has both. */
  prefer: 'any' | Family;
  /** Addresses it binds to for outgoing mail (smtp_bind_address, smtp_bind_address6). */
  bind: Partial<Record<Family, string>>;
  /** The HELO comes from this machine's name, not from the configuration. */
  hostnameFromMachine?: string;
  notes: string[];
}

export function postfixMta(view: PostfixView, dir: string): MtaView {
  const s = view.settings;
  return {
    kind: 'postfix',
    source: view.source,
    config: dir,
    settings: { ...s },
    defaulted: [...view.defaulted],
    ...(s.smtp_helo_name !== '' ? { helo: s.smtp_helo_name } : {}),
    families: view.families,
    prefer: view.prefer,
    bind: { ...(s.smtp_bind_address ? { ipv4: s.smtp_bind_address } : {}), ...(s.smtp_bind_address6 ? { ipv6: s.smtp_bind_address6 } : {}) },
    ...(view.hostnameFromMachine !== undefined && view.defaulted.includes('smtp_helo_name') ? { hostnameFromMachine: view.hostnameFromMachine } : {}),
    notes: [...view.notes],
  };
}

export function eximMta(view: EximView): MtaView {
  const settings = Object.fromEntries(Object.entries(view.settings).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return {
    kind: 'exim',
    source: 'exim',
    config: view.file,
    settings,
    defaulted: ['primary_hostname', 'helo_data'].filter((n) => !(n in settings)),
    ...(view.helo !== undefined ? { helo: view.helo } : {}),
    families: eximFamilies(view),
    prefer: 'any',
    bind: {},
    ...(view.settings.primary_hostname === undefined && view.helo !== undefined && (view.settings.helo_data === undefined || view.settings.helo_data.includes('primary_hostname')) ? { hostnameFromMachine: view.helo } : {}),
    notes: [...view.notes],
  };
}

/** No Postfix or Exim configuration found: the addresses are audited without a HELO. */
export function noMta(looked: readonly string[]): MtaView {
  return {
    kind: 'none',
    source: 'none',
    settings: {},
    defaulted: [],
    families: { ipv4: true, ipv6: true },
    prefer: 'any',
    bind: {},
    notes: [`no Postfix or Exim configuration found (looked at ${looked.join(', ')}): the addresses are audited without a HELO name`],
  };
}
