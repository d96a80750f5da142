import { createHash, randomBytes } from 'node:crypto';
import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { insertApiKey, revokeApiKey, useApiKey, type ApiCaller, type ApiKey } from '../store/sql/api-keys.js';
import { appendEvent } from '../store/sql/events.js';
import { normalUsername } from './user-values.js';

// Keys for programs calling the HTTP API. A key is held by a user and acts with that user's role, so what a
// program may do is given and taken away as a person's is; every change it makes is recorded under the
// user. The key is `edi_<id>_<secret>`: the id names it in lists and logs, the secret never leaves the
// caller (only the hash of the whole key is kept). Making and revoking one are events of the user.

const PREFIX = 'edi_';
const KEY = /^edi_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** A new key for the user, returned once with its record; USER_NOT_FOUND for an unknown user. */
export async function makeApiKey(pool: Pool, request: { readonly username: string; readonly name: string; readonly actor: string }): Promise<{ key: string; record: ApiKey }> {
  const username = normalUsername(request.username);
  const name = request.name.trim();
  if (name === '' || name.length > 100) throw new GatewayError('REQUEST_INVALID', 'Give the key a name of 1 to 100 characters saying what uses it (e.g. "odoo-bridge").');
  const id = randomBytes(6).toString('base64url');
  const key = `${PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  try {
    const record = await withTransaction(pool, async (client) => {
      const stored = await insertApiKey(client, { id, username, name, keyHash: hashApiKey(key), createdBy: request.actor });
      await appendEvent(client, { entity: 'user', entityId: username, type: 'user.api-key-made', actor: request.actor, details: { keyId: id, name } });
      return stored;
    });
    return { key, record };
  } catch (error) {
    if ((error as { code?: string }).code === '23503') throw new GatewayError('USER_NOT_FOUND', `There is no user "${username}" to hold the key; add one with edi-gateway user add.`);
    throw error;
  }
}

/** Who the key acts as; undefined for a key that is malformed, unknown, revoked, or whose user is disabled. */
export async function callerOfKey(pool: Pool, key: string): Promise<ApiCaller | undefined> {
  if (!KEY.test(key)) return undefined;
  return useApiKey(pool, hashApiKey(key));
}

export async function revokeKey(pool: Pool, request: { readonly id: string; readonly actor: string }): Promise<ApiKey> {
  return withTransaction(pool, async (client) => {
    const revoked = await revokeApiKey(client, request.id, request.actor);
    if (!revoked) throw new GatewayError('API_KEY_NOT_FOUND', `There is no live API key "${request.id}" (edi-gateway user key list shows them).`);
    await appendEvent(client, { entity: 'user', entityId: revoked.username, type: 'user.api-key-revoked', actor: request.actor, details: { keyId: revoked.id, name: revoked.name } });
    return revoked;
  });
}
