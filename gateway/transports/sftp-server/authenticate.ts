import ssh2, { type AuthContext, type ParsedKey, type PublicKeyAuthContext } from 'ssh2';
import type { Logger } from '../../log.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { appendEvent, type NewEvent } from '../../store/sql/events.js';
import { findActiveBan, findMailboxLogins, recordLoginFailure, type BanPolicy, type MailboxLogin } from '../../store/sql/sftp-mailboxes.js';
import { fingerprintOf } from './host-key.js';
import { verifyNoPassword, verifyPassword } from './password-hash.js';

// Log-in to the hosted SFTP server. Logins come from the partners' current profiles. ssh2 leaves checking a
// public-key signature to the server: a key is accepted only when the login holds it AND the signature over
// the session is good, so knowing a partner's public key is not enough. Every attempt that carries a
// credential and fails counts against the login name and the source address; too many within the window
// bans both for a while, and a banned attempt is refused without its credential being looked at.

/** The methods a partner may try, as told to a client after each failure. */
export const METHODS: ('publickey' | 'password')[] = ['publickey', 'password'];

export interface Authenticated {
  readonly login: MailboxLogin;
  readonly method: 'publickey' | 'password';
  /** Which of the login's keys was used, for the log-in event. */
  readonly keyFingerprint: string | undefined;
}

export interface AuthenticatorOptions {
  readonly pool: Pool;
  readonly log: Logger;
  readonly policy: BanPolicy;
  readonly instance: string;
}

/**
 * What to answer: accept a log-in (with who logged in), accept a key query ("this key would do", not yet a
 * log-in), or reject. The caller answers, after keeping the log-in: ssh2 starts the session inside accept().
 */
export type AuthDecision = { readonly kind: 'logged-in'; readonly authenticated: Authenticated } | { readonly kind: 'key-would-do' } | { readonly kind: 'rejected' };

/** Decides one authentication request. */
export type Authenticator = (ctx: AuthContext, address: string) => Promise<AuthDecision>;

const REJECTED: AuthDecision = { kind: 'rejected' };

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { pool, log, policy } = options;

  const loginEvent = (login: MailboxLogin | undefined, username: string, address: string, type: string, details: Record<string, unknown>): NewEvent => ({
    // A login name no partner has is not on any partner's timeline: it gets one of its own.
    entity: login ? 'partner' : 'sftp-user',
    entityId: login ? login.partner : username,
    type,
    actor: `sftp:${username}`,
    details: { username, address, instance: options.instance, ...details },
  });

  async function findLogin(username: string): Promise<MailboxLogin | undefined> {
    const logins = await findMailboxLogins(pool, username);
    if (logins.length > 1) {
      log.error({ username, partners: logins.map((login) => login.partner) }, 'sftp login name is in more than one partner profile; it is refused until only one has it');
      return undefined;
    }
    return logins[0];
  }

  async function fail(ctx: AuthContext, login: MailboxLogin | undefined, address: string): Promise<AuthDecision> {
    const username = ctx.username;
    await withTransaction(pool, async (tx) => {
      const bans = await recordLoginFailure(tx, { username, address }, policy);
      await appendEvent(tx, loginEvent(login, username, address, 'sftp.login.failed', { method: ctx.method }));
      for (const ban of bans) {
        await appendEvent(tx, loginEvent(login, username, address, 'sftp.login.banned', { banned: ban.kind, subject: ban.subject, until: ban.until, strikes: ban.strikes }));
      }
    });
    log.warn({ username, address, method: ctx.method }, 'sftp login failed');
    return REJECTED;
  }

  return async (ctx, address) => {
    if (ctx.method !== 'publickey' && ctx.method !== 'password') return REJECTED;
    const login = await findLogin(ctx.username);
    const isKeyQuery = ctx.method === 'publickey' && !ctx.signature;
    const ban = await findActiveBan(pool, ctx.username, address);
    if (ban) {
      // A key query carries no credential: refusing it quietly keeps a banned client from filling the log.
      if (!isKeyQuery) {
        await appendEvent(pool, loginEvent(login, ctx.username, address, 'sftp.login.refused', { method: ctx.method, banned: ban.kind, until: ban.until }));
        log.warn({ username: ctx.username, address, banned: ban.kind, until: ban.until }, 'sftp login refused: banned after too many failures');
      }
      return REJECTED;
    }

    if (ctx.method === 'password') {
      const good = login?.passwordHash ? await verifyPassword(ctx.password, login.passwordHash) : await verifyNoPassword(ctx.password);
      if (!good || !login) return fail(ctx, login, address);
      return { kind: 'logged-in', authenticated: { login, method: 'password', keyFingerprint: undefined } };
    }

    const key = login && heldKey(login, ctx);
    if (isKeyQuery) {
      // "Would this key do?": yes only for a key the login holds; the real attempt must then sign with it.
      return key ? { kind: 'key-would-do' } : REJECTED;
    }
    if (!login || !key || !ctx.blob || !ctx.signature || key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) !== true) return fail(ctx, login, address);
    return { kind: 'logged-in', authenticated: { login, method: 'publickey', keyFingerprint: fingerprintOf(ctx.key.data) } };
  };
}

/** The login's key that is the one offered, if it holds it. */
function heldKey(login: MailboxLogin, ctx: PublicKeyAuthContext): ParsedKey | undefined {
  for (const line of login.publicKeys) {
    const parsed = ssh2.utils.parseKey(line);
    if (!(parsed instanceof Error) && parsed.getPublicSSH().equals(ctx.key.data)) return parsed;
  }
  return undefined;
}
