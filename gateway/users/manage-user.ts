import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { deleteUserSessions } from '../store/sql/sessions.js';
import { lockEnabledAdmins, setDisabled, setRole } from '../store/sql/users.js';
import type { Role } from './roles.js';
import { normalUsername } from './user-values.js';

// An admin's changes to a user: the role, and disabling or enabling. Each is an event with who made it. A
// disabled user's sessions end at once (and its API keys stop working, see api-keys.ts). Neither change may
// leave the gateway without an enabled admin, who alone can undo it from the dashboard.

async function keepAnAdmin(client: PoolClient, username: string, change: string): Promise<void> {
  const admins = await lockEnabledAdmins(client);
  if (admins.length === 1 && admins[0] === username) {
    throw new GatewayError('REQUEST_INVALID', `${username} is the only enabled admin: ${change} would leave nobody to manage users. Make another admin first.`);
  }
}

export async function changeRole(pool: Pool, request: { readonly username: string; readonly role: Role; readonly actor: string }): Promise<void> {
  const username = normalUsername(request.username);
  await withTransaction(pool, async (client) => {
    if (request.role !== 'admin') await keepAnAdmin(client, username, `making them ${request.role}`);
    const before = await setRole(client, username, request.role);
    if (!before) throw new GatewayError('USER_NOT_FOUND', `There is no user "${username}".`);
    if (before.role === request.role) return;
    await appendEvent(client, { entity: 'user', entityId: username, type: 'user.role-changed', actor: request.actor, details: { from: before.role, to: request.role } });
  });
}

export async function setUserDisabled(pool: Pool, request: { readonly username: string; readonly disabled: boolean; readonly actor: string }): Promise<void> {
  const username = normalUsername(request.username);
  await withTransaction(pool, async (client) => {
    if (request.disabled) await keepAnAdmin(client, username, 'disabling them');
    if (!(await setDisabled(client, username, request.disabled))) throw new GatewayError('USER_NOT_FOUND', `There is no user "${username}".`);
    const ended = request.disabled ? await deleteUserSessions(client, username) : 0;
    await appendEvent(client, {
      entity: 'user',
      entityId: username,
      type: request.disabled ? 'user.disabled' : 'user.enabled',
      actor: request.actor,
      details: request.disabled ? { sessionsEnded: ended } : {},
    });
  });
}
