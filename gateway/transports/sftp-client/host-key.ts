import { createHash } from 'node:crypto';

/** A host key's fingerprint as OpenSSH prints it (ssh-keygen -lf): "SHA256:" and the digest in unpadded base64. */
export function fingerprintOf(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Profiles may carry the fingerprint with the base64 padding some tools print; it says nothing more. */
export function sameFingerprint(pinned: string, presented: string): boolean {
  return pinned.replace(/=+$/, '') === presented.replace(/=+$/, '');
}
