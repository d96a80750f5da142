import { createHash } from 'node:crypto';
import ssh2, { type ParsedKey } from 'ssh2';
import { GatewayError } from '../../errors/gateway-error.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { withTransaction, type Pool, type Queryable } from '../../store/pool.js';
import { getHostKeyFingerprint, insertHostKey } from '../../store/sql/sftp-mailboxes.js';

// The server's host key is shared through PostgreSQL rather than kept in a file: every instance behind the same
// address must show partners the same key, or their clients (which pin it) refuse to connect to all but one.
// The private key is a secret like any other, encrypted under the master key; its row in sftp_host_keys is
// the record all instances agree on. The first instance to start makes the key; one that loses the race to
// record its own takes the winner's.

const ALGORITHM = 'ssh-ed25519';
const SECRET_NAME = 'sftp/host-key';

export interface HostKey {
  readonly privateKey: string;
  /** "SHA256:..." as ssh-keygen -l and OpenSSH clients show it: what partners compare before trusting us. */
  readonly fingerprint: string;
}

/** The fingerprint of an SSH public key blob, in OpenSSH's SHA256 form. */
export function fingerprintOf(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

export async function loadOrCreateHostKey(pool: Pool, secrets: SecretStore, createdBy: string): Promise<HostKey> {
  const fingerprint = (await hostKeyFingerprint(pool)) ?? (await createHostKey(pool, secrets, createdBy));
  return checked({ privateKey: (await secrets.get(pool, SECRET_NAME)).toString('utf8'), fingerprint });
}

/** Makes and stores a key; returns the fingerprint of the one that counts, which is another's if it came first. */
async function createHostKey(pool: Pool, secrets: SecretStore, createdBy: string): Promise<string> {
  const { privateKey, parsed } = generateReadableKey();
  const fingerprint = fingerprintOf(parsed.getPublicSSH());
  return withTransaction(pool, async (tx) => {
    if (await insertHostKey(tx, { algorithm: ALGORITHM, fingerprint, createdBy })) {
      await secrets.put(tx, { name: SECRET_NAME, kind: 'private-key', value: Buffer.from(privateKey, 'utf8') });
      return fingerprint;
    }
    // Another instance recorded its key first. Our insert waited on its row until it committed, and its secret
    // with it, so both can be read now.
    return (await hostKeyFingerprint(tx)) as string;
  });
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
  return getHostKeyFingerprint(db, ALGORITHM);
}

/** The stored fingerprint must be the key's own: it is what we tell partners to trust. */
function checked(stored: HostKey): HostKey {
  const actual = fingerprintOf(parse(stored.privateKey).getPublicSSH());
  if (actual !== stored.fingerprint) {
    throw new GatewayError(
      'SFTP_HOST_KEY_UNREADABLE',
      `The SFTP host key (secret ${SECRET_NAME}) does not match the fingerprint recorded in sftp_host_keys (${stored.fingerprint}, the key gives ${actual}); restore both from a backup rather than making a new key, or every partner's client will refuse the server.`,
    );
  }
  return stored;
}

function parse(privateKey: string): ParsedKey {
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error || !parsed.isPrivateKey()) {
    throw new GatewayError('SFTP_HOST_KEY_UNREADABLE', `The SFTP host key (secret ${SECRET_NAME}) cannot be read: ${parsed instanceof Error ? parsed.message : 'it is not a private key'}.`);
  }
  return parsed;
}
