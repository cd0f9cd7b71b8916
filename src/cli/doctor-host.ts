/**
 * What `ptrcheck doctor` reads from the machine it runs on: the MTA's
 * configuration (Postfix through postconf when it is there, else main.cf;
 * or an Exim file), the machine's name and its interfaces. All reads are
 * bounded: the config must be a directory holding a regular main.cf of at
 * most 1 MiB (read stops there), postconf runs without a shell under a
 * time limit with its output capped. The judging is in src/doctor/.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { delimiter, join } from 'node:path';
import { shown } from '../core/errors.js';
import type { HostInterface } from '../doctor/addresses.js';
import { fromEximConfig } from '../doctor/exim.js';
import { MAIN_CF_LIMITS } from '../doctor/main-cf.js';
import { eximMta, noMta, postfixMta, type MtaView } from '../doctor/mta.js';
import { fromMainCf, fromPostconf, namesSet, POSTFIX_PARAMS } from '../doctor/postfix.js';
import { readBounded } from './read.js';
import { UsageError } from './usage.js';

const DEFAULT_POSTFIX_DIR = '/etc/postfix';
const EXIM_FILES = ['/etc/exim4/exim4.conf.template', '/etc/exim4/update-exim4.conf.conf', '/etc/exim/exim.conf'];
/** postconf answers in milliseconds; one that hangs (a broken NFS /etc) must not hold the command. */
const POSTCONF_TIMEOUT_MS = 5000;
const POSTCONF_OUTPUT_BYTES = 64 * 1024;

export interface MtaChoice {
  postfixConfig?: string | undefined;
  eximConfig?: string | undefined;
  /** A postconf binary, or 'none' to read main.cf directly; default: postconf on PATH, /usr/sbin or /usr/local/sbin. */
  postconf?: string | undefined;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** `command -v postconf`, plus the sbin directories a non-root PATH often lacks. */
function findPostconf(env: NodeJS.ProcessEnv): string | undefined {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const path = join(dir, 'postconf');
    try {
      accessSync(path, constants.X_OK);
      if (statOf(path)?.isFile()) return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A config file, bounded: a regular file (not a FIFO that would block, not a device), at most the cap. */
async function readConfig(path: string, flag = ''): Promise<string> {
  const what = `${flag}${flag ? ' ' : ''}${shown(path)}`;
  const st = statOf(path);
  if (!st) throw new UsageError(`${what}: no such file`);
  if (!st.isFile()) throw new UsageError(`${what}: not a regular file`);
  if (st.size > MAIN_CF_LIMITS.bytes) throw new UsageError(`${what} is larger than 1 MiB (${st.size} bytes): not a real configuration file`);
  const bytes = await readBounded(path, MAIN_CF_LIMITS.bytes);
  if (bytes.length > MAIN_CF_LIMITS.bytes) throw new UsageError(`${what} is larger than 1 MiB: not a real configuration file`);
  // Bytes that are not UTF-8 become U+FFFD; a setting that holds one is refused by name (doctor/postfix.ts).
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function runPostconf(bin: string, dir: string): Promise<{ ok: true; stdout: string } | { ok: false; why: string }> {
  return new Promise((resolve) => {
    execFile(
      bin,
      ['-c', dir, '-x', ...POSTFIX_PARAMS],
      { timeout: POSTCONF_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: POSTCONF_OUTPUT_BYTES, shell: false, env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout: String(stdout) });
        const killed = (error as { killed?: boolean }).killed === true;
        const why = killed ? `it did not answer within ${POSTCONF_TIMEOUT_MS / 1000} s` : String(stderr).split('\n')[0]?.trim() || error.message.split('\n')[0]!;
        resolve({ ok: false, why: shown(why, 160) });
      },
    );
  });
}

/** `flag`: the option that named the directory ('' for the default one), for the error line. */
async function postfix(dir: string, flag: string, choice: MtaChoice, env: NodeJS.ProcessEnv): Promise<MtaView> {
  const what = `${flag}${flag ? ' ' : ''}${shown(dir)}`;
  const st = statOf(dir);
  if (!st) throw new UsageError(`${what}: no such directory`);
  if (!st.isDirectory()) throw new UsageError(`${what}: not a directory`);
  const file = join(dir, 'main.cf');
  if (!statOf(file)) throw new UsageError(`${what}: no main.cf in it`);
  const text = await readConfig(file);
  const machine = hostname();
  const bin = choice.postconf === 'none' ? undefined : choice.postconf ?? findPostconf(env);
  if (bin !== undefined) {
    const run = await runPostconf(bin, dir);
    if (run.ok) return postfixMta(fromPostconf(run.stdout, namesSet(text)), dir);
    const view = postfixMta(fromMainCf(text, machine, file), dir);
    return { ...view, notes: [`${shown(bin)} failed (${run.why}); read ${file} instead`, ...view.notes] };
  }
  return postfixMta(fromMainCf(text, machine, file), dir);
}

async function exim(file: string, flag?: string): Promise<MtaView> {
  return eximMta(fromEximConfig(await readConfig(file, flag), file, hostname()));
}

/** The MTA's view: the one asked for, else Postfix at /etc/postfix, else Exim's usual files, else none. */
export async function readMta(choice: MtaChoice, env: NodeJS.ProcessEnv): Promise<MtaView> {
  if (choice.postfixConfig !== undefined && choice.eximConfig !== undefined) throw new UsageError('give --postfix-config or --exim-config, not both');
  if (choice.postfixConfig !== undefined) return postfix(choice.postfixConfig, '--postfix-config', choice, env);
  if (choice.eximConfig !== undefined) return exim(choice.eximConfig, '--exim-config');
  if (statOf(join(DEFAULT_POSTFIX_DIR, 'main.cf'))) return postfix(DEFAULT_POSTFIX_DIR, '', choice, env);
  const found = EXIM_FILES.find((f) => statOf(f)?.isFile());
  if (found) return exim(found);
  return noMta([`${DEFAULT_POSTFIX_DIR}/main.cf`, ...EXIM_FILES]);
}

/** This machine's interface addresses, as os.networkInterfaces() lists them. */
export function machineInterfaces(): HostInterface[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => ({ address: i.address, family: i.family, internal: i.internal })));
}
