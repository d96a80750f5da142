import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { deleteUserSessions } from '../store/sql/sessions.js';
import { insertUser, isKnownTimeZone, setPasswordHash, type User } from '../store/sql/users.js';
import { hashPassword } from '../transports/sftp-server/password-hash.js';
import type { Role } from './roles.js';
import { normalUsername, requireStrongEnough, requireTimeZone } from './user-values.js';

// Adding a user and changing a password: each an event with who did it. Passwords are hashed as the SFTP
// mailbox passwords are (scrypt, a salt per hash, the cost written into it), by the same code.

export interface NewUserRequest {
  readonly username: string;
  readonly displayName?: string | undefined;
  readonly role: Role;
  readonly timeZone?: string | undefined;
  readonly password: string;
  /** Who adds the user, for the event. */
  readonly actor: string;
}

/** The user, stored; USER_EXISTS when the name is taken, REQUEST_INVALID for a bad name, zone or password. */
export async function addUser(pool: Pool, request: NewUserRequest): Promise<User> {
  const username = normalUsername(request.username);
  const timeZone = requireTimeZone(request.timeZone ?? 'UTC');
  const passwordHash = await hashPassword(requireStrongEnough(request.password));
  if (!(await isKnownTimeZone(pool, timeZone))) throw new GatewayError('REQUEST_INVALID', `The database does not know the time zone "${timeZone}"; give another name for it.`);
  const displayName = request.displayName?.trim() || username;
  return withTransaction(pool, async (client) => {
    const user = await insertUser(client, { username, displayName, role: request.role, passwordHash, timeZone });
    if (!user) throw new GatewayError('USER_EXISTS', `There is already a user "${username}".`);
    await appendEvent(client, { entity: 'user', entityId: username, type: 'user.created', actor: request.actor, details: { role: user.role, displayName, timeZone } });
    return user;
  });
}

/** A new password for the user; its sessions end, so whoever held the old one is signed out. */
export async function changePassword(pool: Pool, request: { readonly username: string; readonly password: string; readonly actor: string }): Promise<void> {
  const username = normalUsername(request.username);
  const passwordHash = await hashPassword(requireStrongEnough(request.password));
  await withTransaction(pool, async (client) => {
    if (!(await setPasswordHash(client, username, passwordHash))) throw new GatewayError('USER_NOT_FOUND', `There is no user "${username}".`);
    const ended = await deleteUserSessions(client, username);
    await appendEvent(client, { entity: 'user', entityId: username, type: 'user.password-changed', actor: request.actor, details: { sessionsEnded: ended } });
  });
}
