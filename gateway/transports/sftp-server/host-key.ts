import { createHash } from 'node:crypto';
import ssh2, { type ParsedKey } from 'ssh2';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Queryable } from '../../store/pool.js';
import { getHostKey, saveHostKey } from '../../store/sql/sftp-mailboxes.js';

// The server's host key lives in PostgreSQL rather than in a file: every instance behind the same address must
// show partners the same key, or their clients (which pin it) refuse to connect to all but one. The first
// instance to start makes it; one that loses the race to store its own takes the winner's.

const ALGORITHM = 'ssh-ed25519';

export interface HostKey {
  readonly privateKey: string;
  /** "SHA256:..." as ssh-keygen -l and OpenSSH clients show it: what partners compare before trusting us. */
  readonly fingerprint: string;
}

/** The fingerprint of an SSH public key blob, in OpenSSH's SHA256 form. */
export function fingerprintOf(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

export async function loadOrCreateHostKey(db: Queryable, createdBy: string): Promise<HostKey> {
  const stored = await getHostKey(db, ALGORITHM);
  if (stored) return checked(stored);
  const { privateKey, parsed } = generateReadableKey();
  return checked(await saveHostKey(db, { algorithm: ALGORITHM, privateKey, fingerprint: fingerprintOf(parsed.getPublicSSH()), createdBy }));
}

/**
 * A new key that ssh2 can read back: about one in 150 of the ed25519 keys ssh2 itself generates is refused by
 * its own parser ("Malformed OpenSSH private key"), so a refused one is replaced by another.
 */
function generateReadableKey(): { privateKey: string; parsed: ParsedKey } {
  for (let attempt = 1; ; attempt += 1) {
    const { private: privateKey } = ssh2.utils.generateKeyPairSync('ed25519', { comment: 'edi-gateway sftp host key' });
    const parsed = ssh2.utils.parseKey(privateKey);
    if (!(parsed instanceof Error)) return { privateKey, parsed };
    if (attempt === 10) return { privateKey, parsed: parse(privateKey) };
  }
}

/** The fingerprint partners should see, for the README and the dashboard; undefined before the first start. */
export async function hostKeyFingerprint(db: Queryable): Promise<string | undefined> {
  return (await getHostKey(db, ALGORITHM))?.fingerprint;
}

/** The stored fingerprint must be the key's own: it is what we tell partners to trust. */
function checked(stored: HostKey): HostKey {
  const actual = fingerprintOf(parse(stored.privateKey).getPublicSSH());
  if (actual !== stored.fingerprint) {
    throw new GatewayError(
      'SFTP_HOST_KEY_UNREADABLE',
      `The SFTP host key in sftp_host_keys does not match its recorded fingerprint (${stored.fingerprint}, the key gives ${actual}); restore the row from a backup rather than making a new key, or every partner's client will refuse the server.`,
    );
  }
  return stored;
}

function parse(privateKey: string): ParsedKey {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error || !parsed.isPrivateKey()) {
    throw new GatewayError('SFTP_HOST_KEY_UNREADABLE', `The SFTP host key in sftp_host_keys cannot be read: ${parsed instanceof Error ? parsed.message : 'it is not a private key'}.`);
  }
  return parsed;
}
