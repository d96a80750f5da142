// The digests and ciphers AS2 messages use, by the names the profile, the MIME headers (micalg) and CMS
// (object identifiers) give them. SHA-1 and 3DES are here to read and write for partners whose profile asks
// for them; nothing picks them on its own.

export type DigestName = 'sha1' | 'sha256' | 'sha384' | 'sha512';
export type CipherName = '3des' | 'aes128-cbc' | 'aes192-cbc' | 'aes256-cbc' | 'aes128-gcm' | 'aes192-gcm' | 'aes256-gcm';

interface Digest {
  readonly oid: string;
  /** How micalg and Received-Content-MIC name it (RFC 4130, RFC 5751). */
  readonly micalg: string;
}

export const digests: Readonly<Record<DigestName, Digest>> = {
  sha1: { oid: '1.3.14.3.2.26', micalg: 'sha1' },
  sha256: { oid: '2.16.840.1.101.3.4.2.1', micalg: 'sha-256' },
  sha384: { oid: '2.16.840.1.101.3.4.2.2', micalg: 'sha-384' },
  sha512: { oid: '2.16.840.1.101.3.4.2.3', micalg: 'sha-512' },
};

interface Cipher {
  readonly oid: string;
  /** node:crypto's name for it. */
  readonly node: string;
  readonly keyBytes: number;
  readonly mode: 'cbc' | 'gcm';
}

export const ciphers: Readonly<Record<CipherName, Cipher>> = {
  '3des': { oid: '1.2.840.113549.3.7', node: 'des-ede3-cbc', keyBytes: 24, mode: 'cbc' },
  'aes128-cbc': { oid: '2.16.840.1.101.3.4.1.2', node: 'aes-128-cbc', keyBytes: 16, mode: 'cbc' },
  'aes192-cbc': { oid: '2.16.840.1.101.3.4.1.22', node: 'aes-192-cbc', keyBytes: 24, mode: 'cbc' },
  'aes256-cbc': { oid: '2.16.840.1.101.3.4.1.42', node: 'aes-256-cbc', keyBytes: 32, mode: 'cbc' },
  'aes128-gcm': { oid: '2.16.840.1.101.3.4.1.6', node: 'aes-128-gcm', keyBytes: 16, mode: 'gcm' },
  'aes192-gcm': { oid: '2.16.840.1.101.3.4.1.26', node: 'aes-192-gcm', keyBytes: 24, mode: 'gcm' },
  'aes256-gcm': { oid: '2.16.840.1.101.3.4.1.46', node: 'aes-256-gcm', keyBytes: 32, mode: 'gcm' },
};

export function digestByOid(oid: string): DigestName | undefined {
  return (Object.keys(digests) as DigestName[]).find((name) => digests[name].oid === oid);
}

export function cipherByOid(oid: string): CipherName | undefined {
  return (Object.keys(ciphers) as CipherName[]).find((name) => ciphers[name].oid === oid);
}

/** A micalg as partners write it: sha1, sha-1, sha256, sha-256 ... (case does not matter). */
export function digestByMicalg(micalg: string): DigestName | undefined {
  const plain = micalg.trim().toLowerCase().replace('-', '');
  return plain in digests ? (plain as DigestName) : undefined;
}

/**
 * What a partner's profile lets pass besides the modern algorithms: SHA-1 only for a partner whose profile
 * signs with it, 3DES only for one whose profile encrypts with it.
 */
export interface AlgorithmPolicy {
  readonly signing: DigestName;
  readonly encryption: CipherName;
}

export function digestAllowed(digest: DigestName, policy: AlgorithmPolicy): boolean {
  return digest !== 'sha1' || policy.signing === 'sha1';
}

export function cipherAllowed(cipher: CipherName, policy: AlgorithmPolicy): boolean {
  return cipher !== '3des' || policy.encryption === '3des';
}
