import type { Role } from '../../users/roles.js';
import type { Queryable } from '../pool.js';

// API keys (migration 0022), looked up by the SHA-256 of the key a request carries.

export interface ApiKey {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** The user a live key acts as. */
export interface ApiCaller {
  readonly keyId: string;
  readonly username: string;
  readonly role: Role;
}

const columns = `id, username, name, created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export async function insertApiKey(db: Queryable, key: { id: string; username: string; name: string; keyHash: Buffer; createdBy: string }): Promise<ApiKey> {
  const result = await db.query<ApiKey>(
    `INSERT INTO api_keys (id, username, name, key_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [key.id, key.username, key.name, key.keyHash, key.createdBy],
  );
  return result.rows[0] as ApiKey;
}

export async function listApiKeys(db: Queryable, username?: string): Promise<ApiKey[]> {
  const result = await db.query<ApiKey>(`SELECT ${columns} FROM api_keys WHERE $1::text IS NULL OR username = $1 ORDER BY username, created_at`, [username ?? null]);
  return result.rows;
}

/** The key's caller when the key is live (not revoked) and its user not disabled; its last use noted, at most once a minute. */
export async function useApiKey(db: Queryable, keyHash: Buffer): Promise<ApiCaller | undefined> {
  const result = await db.query<ApiCaller & { stale: boolean }>(
    `SELECT k.id AS "keyId", k.username, u.role, k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' AS stale
       FROM api_keys k JOIN users u ON u.username = k.username
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND NOT u.disabled`,
    [keyHash],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  if (row.stale) await db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.keyId]);
  return { keyId: row.keyId, username: row.username, role: row.role };
}

/** The key as it was revoked; undefined when there is no such key or it was revoked before. */
export async function revokeApiKey(db: Queryable, id: string, revokedBy: string): Promise<ApiKey | undefined> {
  const result = await db.query<ApiKey>(
    `UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${columns}`,
    [id, revokedBy],
  );
  return result.rows[0];
}
