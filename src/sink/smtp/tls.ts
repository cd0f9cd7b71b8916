/**
 * The sink's STARTTLS certificate: the configured one, or a self-signed one
 * made at first start and kept beside the database so it survives restarts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { fileErrorWords, shown } from '../../core/errors.js';
import { generate } from 'selfsigned';

export interface TlsFiles {
  key: string;
  cert: string;
}

export async function loadOrCreateTls(keyPath: string, certPath: string, hostname: string): Promise<TlsFiles> {
  if (existsSync(keyPath) && existsSync(certPath)) return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 5);
  const pems = await generate([{ name: 'commonName', value: hostname }], { keySize: 2048, algorithm: 'sha256', notAfterDate: notAfter });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert };
}

/**
 * The operator's key and certificate, read and tried before anything listens:
 * a missing file, junk, or a key that does not match the certificate is an
 * error naming the file, not a server that starts half way.
 */
export function readTls(keyPath: string, certPath: string): TlsFiles {
  const read = (path: string, what: string): string => {
    try {
      const text = readFileSync(path, 'utf8');
      if (text.length > 1024 * 1024) throw new Error('larger than 1 MB, not a PEM file');
      return text;
    } catch (e) {
      throw new Error(`cannot read ${what} '${shown(path)}': ${fileErrorWords(e)}`);
    }
  };
  const files = { key: read(keyPath, '--tls-key'), cert: read(certPath, '--tls-cert') };
  try {
    createSecureContext(files);
  } catch (e) {
    throw new Error(`--tls-key/--tls-cert are not a usable PEM key and certificate pair (${(e as Error).message.split('\n')[0]})`);
  }
  return files;
}
