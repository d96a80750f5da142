import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { isGatewayError } from '../../errors/gateway-error.js';
import { Permission } from '../../users/roles.js';
import { signIn, signOut } from '../../users/sessions.js';
import type { DashboardContext } from './context.js';
import { cookieOptions, newSignInToken, SESSION_COOKIE, SIGN_IN_COOKIE } from './session-guard.js';

// Signing in and out. A sign-in always starts a new session (with a new id and CSRF token) and ends the one
// the browser still carried; the sign-in form carries a token of its own, set in a cookie by this page.

const SignInQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });
const SignInBody = Type.Object({
  username: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 1000 }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.Optional(Type.String()),
});

const SIGN_IN_TOKEN = /^[\w-]{43}$/;

export function signInPages(app: FastifyInstance, context: DashboardContext): void {
  const { pool, settings, clock } = context;

  app.get<{ Querystring: Static<typeof SignInQuery> }>('/sign-in', { config: { permission: 'public' }, schema: { querystring: SignInQuery } }, async (request, reply) => {
    const given = request.cookies[SIGN_IN_COOKIE];
    const token = given && SIGN_IN_TOKEN.test(given) ? given : newSignInToken();
    reply.setCookie(SIGN_IN_COOKIE, token, { ...cookieOptions(request, settings, '/sign-in'), sameSite: 'strict' });
    return context.page(request, reply, 'sign-in', { signInToken: token, next: safeNext(request.query.next), username: '', problem: null }, { title: 'Sign in' });
  });

  app.post<{ Body: Static<typeof SignInBody> }>('/sign-in', { config: { permission: 'public' }, schema: { body: SignInBody } }, async (request, reply) => {
    const { username, password } = request.body;
    const next = safeNext(request.body.next);
    try {
      const { sessionId } = await signIn(pool, settings, clock, { username, password, address: request.ip, replacing: request.cookies[SESSION_COOKIE] });
      reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions(request, settings));
      reply.clearCookie(SIGN_IN_COOKIE, { ...cookieOptions(request, settings, '/sign-in'), sameSite: 'strict' });
      return reply.redirect(next, 303);
    } catch (error) {
      if (!isGatewayError(error) || (error.code !== 'SIGN_IN_FAILED' && error.code !== 'SIGN_IN_LOCKED')) throw error;
      return context.page(
        request,
        reply,
        'sign-in',
        { signInToken: request.cookies[SIGN_IN_COOKIE], next, username, problem: error.message },
        { title: 'Sign in', status: error.httpStatus },
      );
    }
  });

  app.post('/sign-out', { config: { permission: Permission.VIEW } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await signOut(pool, sessionId, request.ip);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request, settings));
    return reply.redirect('/sign-in', 303);
  });
}

/** Where to go after signing in: a path of this site only, never another site's address. */
function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/sign-in') ? next : '/';
}
