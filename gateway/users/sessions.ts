import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config/settings.js';
import { GatewayError } from '../errors/gateway-error.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { deleteEndedSessions, deleteSession, insertSession, touchSession, type LiveSession } from '../store/sql/sessions.js';
import { clearSignInFailures, countSignInFailures, deleteOldSignInFailures, recordSignInFailure } from '../store/sql/sign-in-failures.js';
import { getUserWithPassword } from '../store/sql/users.js';
import { verifyNoPassword, verifyPassword } from '../transports/sftp-server/password-hash.js';

// Signing in and out of the dashboard, and finding the session a request carries. Every sign-in, failed
// sign-in and sign-out is an event; the clock is passed in, so timeouts are tested without waiting.

export type SessionSettings = Pick<Config['dashboard'], 'sessionIdleMs' | 'sessionMaxMs' | 'maxSignInFailures' | 'signInWindowMs'>;

export type Clock = () => Date;

export interface SignInAttempt {
  readonly username: string;
  readonly password: string;
  /** Where the attempt came from: the client's address. */
  readonly address: string;
  /** The session id the browser still carried, if any: it ends, and the sign-in gets a new one. */
  readonly replacing?: string | undefined;
}

export interface SignedIn {
  /** What the cookie carries; stored only as its hash. */
  readonly sessionId: string;
  readonly session: LiveSession;
}

/** Who failed sign-ins are recorded under: nobody is signed in yet. */
const ANONYMOUS = 'anonymous';

export async function signIn(pool: Pool, settings: SessionSettings, clock: Clock, attempt: SignInAttempt): Promise<SignedIn> {
  const username = attempt.username.trim().toLowerCase().slice(0, 100);
  const now = clock();
  const windowStart = new Date(now.getTime() - settings.signInWindowMs);
  const failures = await countSignInFailures(pool, { username, address: attempt.address }, windowStart);
  if (failures.byUsername >= settings.maxSignInFailures || failures.byAddress >= settings.maxSignInFailures) {
    throw new GatewayError('SIGN_IN_LOCKED', 'Too many failed sign-ins for this user name or from this address; try again later.');
  }
  const user = username === '' ? undefined : await getUserWithPassword(pool, username);
  // An unknown or disabled user costs the same time as a wrong password, so neither can be told apart.
  const good = user && !user.disabled ? await verifyPassword(attempt.password, user.passwordHash) : await verifyNoPassword(attempt.password);
  if (!user || !good) {
    await withTransaction(pool, async (client) => {
      await deleteOldSignInFailures(client, windowStart);
      await recordSignInFailure(client, { username, address: attempt.address, at: now });
      await appendEvent(client, { entity: 'user', entityId: username, type: 'user.sign-in-failed', actor: ANONYMOUS, details: { address: attempt.address } });
    });
    throw new GatewayError('SIGN_IN_FAILED', 'The user name or the password is wrong.');
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await withTransaction(pool, async (client) => {
    if (attempt.replacing) await deleteSession(client, hashSessionId(attempt.replacing));
    await clearSignInFailures(client, username);
    await deleteEndedSessions(client, now);
    await insertSession(client, {
      idHash: hashSessionId(sessionId),
      username,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionMaxMs),
      address: attempt.address,
    });
    await appendEvent(client, { entity: 'user', entityId: username, type: 'user.signed-in', actor: username, details: { address: attempt.address } });
  });
  return { sessionId, session: { username, displayName: user.displayName, role: user.role, timeZone: user.timeZone, csrfToken, createdAt: now } };
}

/** The live session the id names, now marked used; undefined when there is none (unknown, idle too long, too old, user disabled). */
export async function resumeSession(pool: Pool, settings: SessionSettings, clock: Clock, sessionId: string): Promise<LiveSession | undefined> {
  const idHash = hashSessionId(sessionId);
  const session = await touchSession(pool, idHash, clock(), settings.sessionIdleMs);
  // An ended session is removed as soon as it is seen, so its id is worth nothing even to a clock set back.
  if (!session) await deleteSession(pool, idHash);
  return session;
}

export async function signOut(pool: Pool, sessionId: string, address: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const username = await deleteSession(client, hashSessionId(sessionId));
    if (username) await appendEvent(client, { entity: 'user', entityId: username, type: 'user.signed-out', actor: username, details: { address } });
  });
}

function hashSessionId(sessionId: string): Buffer {
  return createHash('sha256').update(sessionId).digest();
}
