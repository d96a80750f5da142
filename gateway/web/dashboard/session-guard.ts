import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/settings.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Pool } from '../../store/pool.js';
import type { LiveSession } from '../../store/sql/sessions.js';
import { allows, type Permission } from '../../users/roles.js';
import { resumeSession, type Clock } from '../../users/sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What the user's role must allow for a dashboard route; 'public' for the sign-in page and the assets.
     * A dashboard route without one is refused, so a route cannot be left open by forgetting it.
     */
    permission?: Permission | 'public';
  }
}

// Every dashboard request passes here: the session its cookie names (renewed as used), the permission its
// route asks for, and, for anything but GET and HEAD, the CSRF token: the session's own, or before sign-in
// the one the sign-in page set in its cookie and form (so a page of another site cannot sign someone in
// under an account of its choosing).

export const SESSION_COOKIE = 'edi_session';
export const SIGN_IN_COOKIE = 'edi_sign_in';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const sessions = new WeakMap<FastifyRequest, LiveSession>();

/** The signed-in user of the request; undefined on a public route. */
export function sessionOf(request: FastifyRequest): LiveSession | undefined {
  return sessions.get(request);
}

/** The signed-in user of a route that needs one; the guard has made sure there is. */
export function signedIn(request: FastifyRequest): LiveSession {
  const session = sessions.get(request);
  if (!session) throw new GatewayError('SESSION_REQUIRED', 'Sign in first.');
  return session;
}

export interface GuardOptions {
  readonly pool: Pool;
  readonly settings: Config['dashboard'];
  readonly clock: Clock;
}

/** The dashboard's cookies: never readable by scripts, sent from other sites only on following a link, HTTPS-only when served so. */
export function cookieOptions(request: FastifyRequest, settings: Config['dashboard'], path = '/') {
  return { path, httpOnly: true, sameSite: 'lax', secure: settings.secureCookie === 'on' || request.protocol === 'https' } as const;
}

export function addGuard(app: FastifyInstance, { pool, settings, clock }: GuardOptions): void {
  app.addHook('onRequest', async function dashboardSession(request: FastifyRequest, reply: FastifyReply) {
    const { permission } = request.routeOptions.config;
    if (permission === undefined) throw new GatewayError('INTERNAL', `The dashboard route ${request.method} ${request.routeOptions.url} declares no permission.`);
    if (permission === 'public') return;
    const sessionId = request.cookies[SESSION_COOKIE];
    const session = sessionId ? await resumeSession(pool, settings, clock, sessionId) : undefined;
    if (!session) {
      if (sessionId) reply.clearCookie(SESSION_COOKIE, cookieOptions(request, settings));
      if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      throw new GatewayError('SESSION_REQUIRED', 'Your session has ended; sign in again, then repeat what you were doing.');
    }
    sessions.set(request, session);
    if (!allows(session.role, permission)) throw new GatewayError('ROLE_FORBIDDEN', `Your role (${session.role}) does not allow this: it takes the "${permission}" right.`);
  });

  // Before validation: a forged request is refused as forged, whatever else is wrong with it.
  app.addHook('preValidation', async function csrfCheck(request: FastifyRequest) {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const expected = request.routeOptions.config.permission === 'public' ? request.cookies[SIGN_IN_COOKIE] : sessions.get(request)?.csrfToken;
    const header = request.headers[CSRF_HEADER];
    const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    const given = typeof header === 'string' ? header : typeof field === 'string' ? field : undefined;
    if (!expected || given === undefined || !sameToken(given, expected)) {
      throw new GatewayError('CSRF_TOKEN_INVALID', 'This form is out of date or did not come from the dashboard; reload the page and try again.');
    }
  });
}

/** A fresh token for the sign-in form and its cookie. */
export function newSignInToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameToken(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
