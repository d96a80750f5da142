import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { deleteUserSessions } from '../store/sql/sessions.js';
import { getUserWithPassword, insertUser, isKnownTimeZone, setPasswordHash, setTimeZone, type User } from '../store/sql/users.js';
import { hashPassword, verifyPassword } from '../transports/sftp-server/password-hash.js';
import type { Role } from './roles.js';
import { normalUsername, requireStrongEnough, requireTimeZone } from './user-values.js';

// Adding a user, changing a password (by an admin, or by the user who knows the current one) and a user's
// time zone: each an event with who did it. Passwords are hashed as the SFTP
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

/** A user's own new password: only with the current one, which a stolen session does not know. Its sessions end. */
export async function changeOwnPassword(pool: Pool, request: { readonly username: string; readonly current: string; readonly password: string }): Promise<void> {
  const user = await getUserWithPassword(pool, request.username);
  if (!user || !(await verifyPassword(request.current, user.passwordHash))) throw new GatewayError('SIGN_IN_FAILED', 'The current password is wrong; the password is unchanged.');
  await changePassword(pool, { username: request.username, password: request.password, actor: request.username });
}

/** The zone the dashboard shows the user times in, and reads the days typed into filters in. */
export async function changeTimeZone(pool: Pool, request: { readonly username: string; readonly timeZone: string; readonly actor: string }): Promise<void> {
  const timeZone = requireTimeZone(request.timeZone);
  if (!(await isKnownTimeZone(pool, timeZone))) throw new GatewayError('REQUEST_INVALID', `The database does not know the time zone "${timeZone}"; give another name for it.`);
  await withTransaction(pool, async (client) => {
    if (!(await setTimeZone(client, request.username, timeZone))) throw new GatewayError('USER_NOT_FOUND', `There is no user "${request.username}".`);
    await appendEvent(client, { entity: 'user', entityId: request.username, type: 'user.time-zone-changed', actor: request.actor, details: { timeZone } });
  });
}
