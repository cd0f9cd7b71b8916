import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestName } from './crypto-compat.js';

describe('crypto-compat (the Worker maps DKIM digest names for workerd)', () => {
  it.each([
    ['rsa-sha256', 'sha256'],
    ['RSA-SHA256', 'sha256'],
    ['rsa-sha1', 'sha1'],
    ['sha256', 'sha256'],
    ['ed25519-sha256', 'ed25519-sha256'],
    [null, null],
    [undefined, undefined],
  ])('%s → %s', (given, expected) => {
    expect(digestName(given)).toBe(expected);
  });

  it('leaves Node\'s own crypto.verify alone (Node takes both spellings)', () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
    const data = Buffer.from('signed header block');
    const sig = crypto.sign('sha256', data, privateKey);
    expect(crypto.verify('rsa-sha256', data, publicKey, sig)).toBe(true);
    expect(crypto.verify.name).toBe('verifyOneShot'); // Node's own function, not our wrapper
  });
});
