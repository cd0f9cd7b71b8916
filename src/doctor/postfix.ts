/**
 * The Postfix settings that decide how its mail looks to a receiver: the
 * HELO it announces, the address families it uses, the addresses it binds
 * to. From `postconf -x` output when a postconf binary is there (Postfix's
 * own answer), else from main.cf with Postfix's built-in defaults and `$name`
 * expansion. Pure: the file text, the postconf output and the machine's
 * name come in as arguments.
 */
import { InputError, shown } from '../core/errors.js';
import { Expander } from './expand.js';
import { parseMainCf } from './main-cf.js';

/** The parameters doctor reads, in the order it shows them. */
export const POSTFIX_PARAMS = ['myhostname', 'mydomain', 'smtp_helo_name', 'inet_protocols', 'smtp_address_preference', 'smtp_bind_address', 'smtp_bind_address6'] as const;
export type PostfixParam = (typeof POSTFIX_PARAMS)[number];

export type Family = 'ipv4' | 'ipv6';

export interface PostfixView {
  source: 'postconf' | 'main.cf';
  /** Each parameter's value, expanded. */
  settings: Record<PostfixParam, string>;
  /** Parameters main.cf does not set: Postfix's default applies. */
  defaulted: PostfixParam[];
  families: Record<Family, boolean>;
  prefer: 'any' | Family;
  /** Things to tell the user about the configuration itself (a default taken from the machine, an unknown value). */
  notes: string[];
  /** myhostname came from this machine's name (main.cf does not set it). */
  hostnameFromMachine?: string;
}

/** What Postfix uses when main.cf says nothing (postconf(5); inet_protocols as in Postfix 3.0 and later). */
function builtIn(name: string, machine: string, value: (n: string) => string): string | undefined {
  switch (name) {
    case 'myhostname':
      return machine;
    case 'mydomain': {
      // The domain part of myhostname; a name without one gives "localdomain".
      const host = value('myhostname');
      const dot = host.indexOf('.');
      return dot > 0 && dot < host.length - 1 ? host.slice(dot + 1) : 'localdomain';
    }
    case 'myorigin':
    case 'smtp_helo_name':
      return '$myhostname';
    case 'inet_protocols':
      return 'all';
    case 'smtp_address_preference':
      return 'any';
    case 'smtp_bind_address':
    case 'smtp_bind_address6':
    case 'relayhost':
      return '';
    default:
      return undefined;
  }
}

/** Postfix's settings from main.cf's text; `machine` is this machine's name (what Postfix falls back to for myhostname). */
export function fromMainCf(text: string, machine: string, where = 'main.cf'): PostfixView {
  const { params, badLines } = parseMainCf(text, where);
  const expander: Expander = new Expander((n) => params.get(n) ?? builtIn(n, machine, (x) => expander.value(x)), where);
  const settings = Object.fromEntries(POSTFIX_PARAMS.map((p) => [p, expander.value(p)])) as Record<PostfixParam, string>;
  const defaulted = POSTFIX_PARAMS.filter((p) => !params.has(p));
  const notes: string[] = [];
  if (badLines.length > 0) notes.push(`${where}: ${badLines.length === 1 ? 'line' : 'lines'} ${badLines.slice(0, 5).join(', ')}${badLines.length > 5 ? ', …' : ''} ${badLines.length === 1 ? 'is' : 'are'} not "name = value" (Postfix refuses such a file)`);
  const view = finish('main.cf', where, settings, defaulted, notes);
  return defaulted.includes('myhostname') ? { ...view, hostnameFromMachine: machine } : view;
}

/**
 * Postfix's settings from `postconf -x NAME…` output (`name = value` lines,
 * expanded). `setInMainCf` says which names main.cf sets (from our own
 * reading of it), so a default is still called one.
 */
export function fromPostconf(output: string, setInMainCf: ReadonlySet<string>): PostfixView {
  const found = new Map<string, string>();
  for (const line of output.split('\n')) {
    const eq = line.indexOf(' = ');
    const name = eq < 0 ? line.trim().replace(/ =$/, '') : line.slice(0, eq).trim();
    if ((POSTFIX_PARAMS as readonly string[]).includes(name)) found.set(name, eq < 0 ? '' : line.slice(eq + 3).trim());
  }
  const missing = POSTFIX_PARAMS.filter((p) => !found.has(p));
  // An older Postfix knows no smtp_address_preference (2.8) or smtp_bind_address6 (2.2): their absence means their default.
  const notes = missing.length > 0 ? [`postconf did not report ${missing.join(', ')} (an older Postfix); taken as Postfix's default`] : [];
  const settings = Object.fromEntries(POSTFIX_PARAMS.map((p) => [p, found.get(p) ?? builtIn(p, '', () => '') ?? ''])) as Record<PostfixParam, string>;
  if (!found.has('smtp_helo_name')) settings.smtp_helo_name = settings.myhostname;
  const defaulted = POSTFIX_PARAMS.filter((p) => !setInMainCf.has(p));
  const view = finish('postconf', 'postconf', settings, defaulted, notes);
  // postconf's myhostname default is the machine's name, as Postfix itself finds it.
  return defaulted.includes('myhostname') ? { ...view, hostnameFromMachine: settings.myhostname } : view;
}

/** The names main.cf sets (to tell set values from defaults when postconf gives the values). */
export function namesSet(text: string): Set<string> {
  return new Set(parseMainCf(text).params.keys());
}

function finish(source: PostfixView['source'], where: string, settings: Record<PostfixParam, string>, defaulted: PostfixParam[], notes: string[]): PostfixView {
  for (const [name, value] of Object.entries(settings)) {
    if (/[\u0000-\u001f\u007f\ufffd]/.test(value)) throw new InputError(`${where}: ${name} holds a control character or bytes that are not UTF-8: '${shown(value, 60)}'`);
  }
  return { source, settings, defaulted, families: families(settings.inet_protocols, notes), prefer: preference(settings.smtp_address_preference, notes), notes };
}

/** inet_protocols: ipv4, ipv6, all, or a list of them (commas and/or spaces). */
export function families(value: string, notes: string[] = []): Record<Family, boolean> {
  const words = value.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const out = { ipv4: false, ipv6: false };
  for (const w of words) {
    if (w === 'all') out.ipv4 = out.ipv6 = true;
    else if (w === 'ipv4' || w === 'ipv6') out[w] = true;
    else notes.push(`inet_protocols: '${shown(w, 40)}' is not ipv4, ipv6 or all (Postfix refuses to start with it)`);
  }
  if (!out.ipv4 && !out.ipv6) {
    if (words.length === 0) notes.push('inet_protocols is empty: taken as all');
    return { ipv4: true, ipv6: true };
  }
  return out;
}

function preference(value: string, notes: string[]): PostfixView['prefer'] {
  const v = value.trim().toLowerCase();
  if (v === 'any' || v === 'ipv4' || v === 'ipv6') return v;
  notes.push(`smtp_address_preference: '${shown(value, 40)}' is not any, ipv4 or ipv6; taken as any`);
  return 'any';
}
