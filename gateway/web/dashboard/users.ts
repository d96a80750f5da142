import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { listApiKeys } from '../../store/sql/api-keys.js';
import { listUsers } from '../../store/sql/users.js';
import { addUser, changePassword } from '../../users/add-user.js';
import { makeApiKey, revokeKey } from '../../users/api-keys.js';
import { changeRole, setUserDisabled } from '../../users/manage-user.js';
import { Permission, roles } from '../../users/roles.js';
import { generatePassword, requireRole } from '../../users/user-values.js';
import type { DashboardContext } from './context.js';
import { filled } from './list-links.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// Users, for admins: who may sign in and with which role, adding one, changing a role, disabling, a new
// password, and the API keys each holds. A generated password or a new key is shown once, on the page the
// form answers with, and never again: only hashes are kept.

const Username = Type.Object({ username: Type.String({ pattern: '^[a-z0-9][a-z0-9._@-]{0,63}$' }) });
const KeyParams = Type.Object({ ...Username.properties, id: Type.String({ pattern: '^[A-Za-z0-9_-]{8}$' }) });
const Csrf = { _csrf: Type.Optional(Type.String()) };
const NewUserBody = Type.Object({
  username: Type.String({ maxLength: 64 }),
  displayName: Type.Optional(Type.String({ maxLength: 100 })),
  role: Type.String({ maxLength: 20 }),
  timeZone: Type.Optional(Type.String({ maxLength: 64 })),
  ...Csrf,
});
const RoleBody = Type.Object({ role: Type.String({ maxLength: 20 }), ...Csrf });
const KeyBody = Type.Object({ name: Type.String({ maxLength: 100 }), ...Csrf });
const CsrfBody = Type.Object(Csrf);

const manage = { config: { permission: Permission.MANAGE_USERS } };

export function usersPage(app: FastifyInstance, context: DashboardContext): void {
  const { pool } = context;

  async function sendUsers(request: FastifyRequest, reply: FastifyReply, shown: { notice?: string; secret?: { label: string; value: string } } = {}): Promise<FastifyReply> {
    const user = signedIn(request);
    const [users, keys] = await Promise.all([listUsers(pool), listApiKeys(pool)]);
    return context.page(
      request,
      reply,
      'users',
      {
        notice: shown.notice ?? null,
        secret: shown.secret ?? null,
        newRoleChoices: roles.map((role) => ({ role, selected: role === 'viewer' })),
        users: users.map((entry) => {
          const base = `/users/${encodeURIComponent(entry.username)}`;
          return {
            ...entry,
            createdAt: showTime(entry.createdAt, user.timeZone),
            you: entry.username === user.username,
            roleChoices: roles.map((role) => ({ role, selected: role === entry.role })),
            roleUrl: `${base}/role`,
            disableUrl: `${base}/${entry.disabled ? 'enable' : 'disable'}`,
            passwordUrl: `${base}/password`,
            keysUrl: `${base}/keys`,
            keys: keys
              .filter((key) => key.username === entry.username)
              .map((key) => ({
                id: key.id,
                name: key.name,
                createdBy: key.createdBy,
                createdAt: showTime(key.createdAt, user.timeZone),
                lastUsedAt: showOptionalTime(key.lastUsedAt, user.timeZone),
                revokedAt: showOptionalTime(key.revokedAt, user.timeZone),
                revokeUrl: `${base}/keys/${key.id}/revoke`,
              })),
          };
        }),
      },
      { title: 'Users', nav: 'users' },
    );
  }

  app.get('/users', manage, (request, reply) => sendUsers(request, reply));

  app.post<{ Body: Static<typeof NewUserBody> }>('/users', { ...manage, schema: { body: NewUserBody } }, async (request, reply) => {
    const actor = signedIn(request).username;
    const password = generatePassword();
    const added = await addUser(pool, {
      username: request.body.username,
      displayName: filled(request.body.displayName),
      role: requireRole(request.body.role),
      timeZone: filled(request.body.timeZone),
      password,
      actor,
    });
    return sendUsers(request, reply, { notice: `User ${added.username} added as ${added.role}.`, secret: { label: `The password of ${added.username}, shown only this once`, value: password } });
  });

  app.post<{ Params: Static<typeof Username>; Body: Static<typeof RoleBody> }>('/users/:username/role', { ...manage, schema: { params: Username, body: RoleBody } }, async (request, reply) => {
    const { username } = request.params;
    const role = requireRole(request.body.role);
    await changeRole(pool, { username, role, actor: signedIn(request).username });
    return sendUsers(request, reply, { notice: `${username} is now ${role}.` });
  });

  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    app.post<{ Params: Static<typeof Username>; Body: Static<typeof CsrfBody> }>(`/users/:username/${action}`, { ...manage, schema: { params: Username, body: CsrfBody } }, async (request, reply) => {
      const { username } = request.params;
      if (disabled && username === signedIn(request).username) throw new GatewayError('REQUEST_INVALID', 'You cannot disable yourself; another admin can.');
      await setUserDisabled(pool, { username, disabled, actor: signedIn(request).username });
      return sendUsers(request, reply, { notice: disabled ? `${username} is disabled: signed out, and its API keys refused.` : `${username} is enabled again.` });
    });
  }

  app.post<{ Params: Static<typeof Username>; Body: Static<typeof CsrfBody> }>('/users/:username/password', { ...manage, schema: { params: Username, body: CsrfBody } }, async (request, reply) => {
    const { username } = request.params;
    const password = generatePassword();
    await changePassword(pool, { username, password, actor: signedIn(request).username });
    return sendUsers(request, reply, { notice: `${username} has a new password and was signed out.`, secret: { label: `The new password of ${username}, shown only this once`, value: password } });
  });

  app.post<{ Params: Static<typeof Username>; Body: Static<typeof KeyBody> }>('/users/:username/keys', { ...manage, schema: { params: Username, body: KeyBody } }, async (request, reply) => {
    const { username } = request.params;
    const made = await makeApiKey(pool, { username, name: request.body.name, actor: signedIn(request).username });
    return sendUsers(request, reply, {
      notice: `API key ${made.record.id} ("${made.record.name}") made for ${username}.`,
      secret: { label: `The API key ${made.record.id}, shown only this once`, value: made.key },
    });
  });

  app.post<{ Params: Static<typeof KeyParams>; Body: Static<typeof CsrfBody> }>('/users/:username/keys/:id/revoke', { ...manage, schema: { params: KeyParams, body: CsrfBody } }, async (request, reply) => {
    const { username, id } = request.params;
    if (!(await listApiKeys(pool, username)).some((key) => key.id === id)) throw new GatewayError('API_KEY_NOT_FOUND', `${username} holds no API key "${id}".`);
    const revoked = await revokeKey(pool, { id, actor: signedIn(request).username });
    return sendUsers(request, reply, { notice: `API key ${revoked.id} ("${revoked.name}") of ${revoked.username} revoked.` });
  });
}
