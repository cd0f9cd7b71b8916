/**
 * Exim, kept simple: the few settings that decide its HELO and address
 * family, where a configuration file sets them literally. `helo_data`
 * (an smtp transport option) defaults to `$primary_hostname`, which
 * defaults to the machine's name; an expansion (`${…}`) is not evaluated,
 * only said. Debian's update-exim4.conf.conf sets neither; it is read for
 * dc_* values only to say what was found.
 */
import { shown } from '../core/errors.js';

export interface EximView {
  file: string;
  settings: { primary_hostname?: string; helo_data?: string; disable_ipv6?: string };
  /** The HELO Exim sends, when it can be told without running Exim's expansions. */
  helo?: string;
  notes: string[];
}

const WANTED = ['primary_hostname', 'helo_data', 'disable_ipv6'] as const;

/** Reads `name = value` lines (the last one wins; comments and blank lines skipped). */
export function fromEximConfig(text: string, file: string, machine: string): EximView {
  const settings: EximView['settings'] = {};
  const macros: string[] = [];
  let lines = 0;
  for (const raw of text.split('\n')) {
    if (++lines > 100_000) break;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const name = line.slice(0, eq).trim() as (typeof WANTED)[number];
    if (!(WANTED as readonly string[]).includes(name)) continue;
    const value = line.slice(eq + 1).trim().slice(0, 1000);
    // Debian's template: `primary_hostname = MAIN_HARDCODE_PRIMARY_HOSTNAME` inside `.ifdef`; a macro is not a value.
    if (/^[A-Z][A-Z0-9_]*$/.test(value)) macros.push(`${name} = ${value}`);
    else settings[name] = value;
  }
  const notes = macros.map((m) => `${m} is an Exim macro (set in a .ifdef block or a macro file), not evaluated here`);
  const host = settings.primary_hostname ?? machine;
  if (settings.primary_hostname === undefined) notes.push(`primary_hostname is not set in ${file}: Exim uses this machine's name (${shown(machine)})`);
  let helo: string | undefined = host;
  if (settings.helo_data !== undefined) {
    if (settings.helo_data === '$primary_hostname' || settings.helo_data === '${primary_hostname}') helo = host;
    else if (settings.helo_data.includes('$')) {
      helo = undefined;
      notes.push(`helo_data = ${shown(settings.helo_data)} is an Exim expansion, not evaluated here: give the HELO it yields to 'ptrcheck audit --helo'`);
    } else helo = settings.helo_data;
  }
  return { file, settings, ...(helo !== undefined && helo !== '' ? { helo } : {}), notes };
}

/** Exim's families: IPv6 off when disable_ipv6 is true. */
export function eximFamilies(view: EximView): { ipv4: boolean; ipv6: boolean } {
  return { ipv4: true, ipv6: !/^(true|yes)$/i.test(view.settings.disable_ipv6 ?? '') };
}
