import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Pool } from '../../gateway/store/pool.js';
import { getUserWithPassword } from '../../gateway/store/sql/users.js';
import { addUser } from '../../gateway/users/add-user.js';
import { makeApiKey } from '../../gateway/users/api-keys.js';
import type { Role } from '../../gateway/users/roles.js';

/** An API key of `username` (made a user with `role` when there is none yet). */
export async function apiKeyOf(pool: Pool, username: string, role: Role = 'admin'): Promise<string> {
  if (!(await getUserWithPassword(pool, username))) await addUser(pool, { username, role, password: randomBytes(16).toString('hex'), actor: 'test' });
  return (await makeApiKey(pool, { username, name: 'test', actor: 'test' })).key;
}

export interface ApiCaller {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** The app as a program holding `key` calls it: every request carries the key. */
export function callingWith(app: FastifyInstance, key: string): ApiCaller {
  return { inject: (options) => app.inject({ ...options, headers: { authorization: `Bearer ${key}`, ...options.headers } }) };
}

/** The app as `username` (made with `role` when new) calls it through the API. */
export async function apiAs(app: FastifyInstance, pool: Pool, username: string, role: Role = 'admin'): Promise<ApiCaller> {
  return callingWith(app, await apiKeyOf(pool, username, role));
}
