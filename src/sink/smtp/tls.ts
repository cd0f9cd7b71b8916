/**
 * The sink's STARTTLS certificate: the configured one, or a self-signed one
 * made at first start and kept beside the database so it survives restarts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
