import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { GatewayError } from '../errors/gateway-error.js';
import type { Queryable } from '../store/pool.js';
import type { MasterKey } from './master-key.js';
import type { SecretInfo, SecretKind, SecretStore } from './secret-store.js';

// The secret store on the gateway's database (migration 0005): AES-256-GCM under the master key, the name as
// additional data so that a value copied under another name does not decrypt.

interface SecretRow {
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  readonly keyId: string;
}

const infoColumns = `name, kind, expires_at AS "expiresAt", updated_at AS "updatedAt"`;

export function createSecretStore(master: MasterKey): SecretStore {
  return {
    async put(db, { name, kind, value, expiresAt }) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master.key, nonce);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value), cipher.final()]);
      const result = await db.query(
        `INSERT INTO secrets (name, kind, nonce, ciphertext, tag, key_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (name) DO UPDATE SET kind = $2, nonce = $3, ciphertext = $4, tag = $5, key_id = $6, expires_at = $7, updated_at = now()
         RETURNING ${infoColumns}`,
        [name, kind, nonce, ciphertext, cipher.getAuthTag(), master.id, expiresAt ?? null],
      );
      return result.rows[0] as SecretInfo;
    },

    async get(db, name) {
      const result = await db.query('SELECT nonce, ciphertext, tag, key_id AS "keyId" FROM secrets WHERE name = $1', [name]);
      const row = result.rows[0] as SecretRow | undefined;
      if (!row) throw new GatewayError('SECRET_NOT_FOUND', `There is no secret named "${name}"; store it with: edi-gateway secret set ${name} --kind KIND --file FILE.`);
      if (row.keyId !== master.id) {
        throw new GatewayError('SECRET_UNREADABLE', `The secret "${name}" was stored under another master key (${row.keyId}, this gateway has ${master.id}); give every instance the same EDI_MASTER_KEY.`);
      }
      const decipher = createDecipheriv('aes-256-gcm', master.key, row.nonce);
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(row.tag);
      try {
        return Buffer.concat([decipher.update(row.ciphertext), decipher.final()]);
      } catch {
        throw new GatewayError('SECRET_UNREADABLE', `The secret "${name}" does not decrypt: it was changed in the database outside the gateway.`);
      }
    },

    async list(db: Queryable) {
      return (await db.query(`SELECT ${infoColumns} FROM secrets ORDER BY name`)).rows as SecretInfo[];
    },
  };
}

export const SECRET_KINDS: readonly SecretKind[] = ['ssh-private-key', 'password', 'certificate', 'private-key'];
