import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { changeOwnPassword, changeTimeZone } from '../../users/add-user.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { cookieOptions, SESSION_COOKIE, signedIn } from './session-guard.js';

// Each user's own account: the time zone the dashboard shows times in, and a new password, which takes the
// current one and signs every session out (this one too), so whoever held an old session is out as well.

/** The zones offered; UTC first, which the runtime's list leaves out. */
const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
const ZoneBody = Type.Object({ timeZone: Type.String({ maxLength: 64 }), _csrf: Type.Optional(Type.String()) });
const PasswordBody = Type.Object({
  current: Type.String({ maxLength: 1000 }),
  password: Type.String({ maxLength: 1000 }),
  repeat: Type.String({ maxLength: 1000 }),
  _csrf: Type.Optional(Type.String()),
});
const AccountQuery = Type.Object({ saved: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['', 'zone'] })) });

export function accountPage(app: FastifyInstance, context: DashboardContext): void {
  const view = { config: { permission: Permission.VIEW } };

  app.get<{ Querystring: Static<typeof AccountQuery> }>('/account', { ...view, schema: { querystring: AccountQuery } }, async (request, reply) => {
    const user = signedIn(request);
    return context.page(
      request,
      reply,
      'account',
      {
        notice: request.query.saved === 'zone' ? `Times are now shown in ${user.timeZone}.` : null,
        account: { username: user.username, displayName: user.displayName, role: user.role },
        zones: (zones.includes(user.timeZone) ? zones : [user.timeZone, ...zones]).map((zone) => ({ zone, selected: zone === user.timeZone })),
      },
      { title: 'Your account' },
    );
  });

  app.post<{ Body: Static<typeof ZoneBody> }>('/account/time-zone', { ...view, schema: { body: ZoneBody } }, async (request, reply) => {
    const user = signedIn(request);
    await changeTimeZone(context.pool, { username: user.username, timeZone: request.body.timeZone, actor: user.username });
    return reply.redirect('/account?saved=zone', 303);
  });

  app.post<{ Body: Static<typeof PasswordBody> }>('/account/password', { ...view, schema: { body: PasswordBody } }, async (request, reply) => {
    const user = signedIn(request);
    const { current, password, repeat } = request.body;
    if (password !== repeat) throw new GatewayError('REQUEST_INVALID', 'The new password and its repetition differ; the password is unchanged.');
    await changeOwnPassword(context.pool, { username: user.username, current, password });
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request, context.settings));
    return reply.redirect('/sign-in?next=%2Faccount', 303);
  });
}
