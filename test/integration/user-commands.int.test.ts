import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { listUsers } from '../../gateway/store/sql/users.js';
import { ensureFirstAdmin } from '../../gateway/users/first-admin.js';
import { resumeSession, signIn, type SessionSettings } from '../../gateway/users/sessions.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { createTestDatabase, createTestFolder } from '../helpers/test-database.js';

// `edi-gateway user ...` and the admin a first start makes: passwords shown once, stored only as scrypt
// hashes, and every change an event with who made it.

const settings: SessionSettings = { sessionIdleMs: 1_800_000, sessionMaxMs: 43_200_000, maxSignInFailures: 5, signInWindowMs: 900_000 };
const clock = () => new Date();

let pool: Pool;
let env: Record<string, string>;
let folder: string;
beforeAll(async () => {
  const database = await createTestDatabase();
  pool = database.pool;
  env = { DATABASE_URL: database.url, EDI_LOG_LEVEL: 'warn' };
  folder = await createTestFolder('users');
});
afterAll(async () => pool.end());

function shownPassword(out: string): string {
  const password = /^Password, shown only this once: (\S+)$/m.exec(out)?.[1];
  if (!password) throw new Error(`no password in: ${out}`);
  return password;
}

describe('edi-gateway user', () => {
  it('add: makes a user with a generated password, printed once, that signs in', async () => {
    const added = await runCliInProcess(['user', 'add', 'Dana', '--role', 'support', '--name', 'Dana Scully', '--time-zone', 'Europe/Paris', '--by', 'ops'], env);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^User dana \(support, times in Europe\/Paris\) added\.\nPassword, shown only this once: [\w-]{20}\n$/);
    const password = shownPassword(added.out);
    const stored = await pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', ['dana']);
    expect(stored.rows[0]?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w+/]+={0,2}\$[\w+/]+={0,2}$/);
    expect(stored.rows[0]?.password_hash).not.toContain(password);
    const { session } = await signIn(pool, settings, clock, { username: 'dana', password, address: '127.0.0.1' });
    expect(session).toMatchObject({ username: 'dana', displayName: 'Dana Scully', role: 'support', timeZone: 'Europe/Paris' });
    expect((await listEvents(pool, 'user', 'dana'))[0]).toMatchObject({ type: 'user.created', actor: 'ops', details: { role: 'support' } });
  });

  it('add: takes the password from the first line of a file, and prints none', async () => {
    const file = path.join(folder, 'password');
    fs.writeFileSync(file, 'a long enough password\nignored\n');
    const added = await runCliInProcess(['user', 'add', 'vera', '--role', 'viewer', '--password-file', file], env);
    expect(added.out).toBe('User vera (viewer, times in UTC) added.\n');
    await expect(signIn(pool, settings, clock, { username: 'vera', password: 'a long enough password', address: '127.0.0.1' })).resolves.toBeDefined();
  });

  it.each([
    [['user', 'add', 'dana', '--role', 'viewer'], 1, 'There is already a user "dana". [USER_EXISTS]'],
    [['user', 'add', 'eve', '--role', 'root'], 2, '"root" is not a role; the roles are admin, onboarding, support, viewer.'],
    [['user', 'add', 'eve'], 2, '--role is missing'],
    [['user', 'add', 'eve', '--role', 'viewer', '--time-zone', 'Mars/Olympus'], 2, '"Mars/Olympus" is not a time zone'],
    [['user', 'add', 'e v', '--role', 'viewer'], 2, '"e v" cannot be a user name'],
    [['user', 'password', 'nobody'], 1, 'There is no user "nobody". [USER_NOT_FOUND]'],
  ])('refuses %j', async (argv, code, message) => {
    const refused = await runCliInProcess(argv, env);
    expect(refused.code).toBe(code);
    expect(refused.err).toContain(message);
  });

  it('add: refuses a password shorter than 12 characters', async () => {
    const file = path.join(folder, 'short');
    fs.writeFileSync(file, 'short\n');
    const refused = await runCliInProcess(['user', 'add', 'sid', '--role', 'viewer', '--password-file', file], env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('A password must have at least 12 characters.');
  });

  it('list: the users with role, zone and whether disabled', async () => {
    const listed = await runCliInProcess(['user', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.out.split('\n')[0]).toMatch(/^USER\s+NAME\s+ROLE\s+TIME ZONE\s+DISABLED\s+CREATED$/);
    expect(listed.out).toMatch(/dana\s+Dana Scully\s+support\s+Europe\/Paris\s+no\s+/);
    const json = (await runCliInProcess(['user', 'list', '--json'], env)).out.trim().split('\n').map((line) => JSON.parse(line));
    expect(json.map((user: { username: string }) => user.username)).toEqual(['dana', 'vera']);
    expect(JSON.stringify(json)).not.toContain('scrypt');
  });

  it('password: a new password, printed once, and the old sessions signed out', async () => {
    const file = path.join(folder, 'vera');
    fs.writeFileSync(file, 'a long enough password');
    const before = await signIn(pool, settings, clock, { username: 'vera', password: 'a long enough password', address: '127.0.0.1' });
    const changed = await runCliInProcess(['user', 'password', 'vera', '--by', 'ops'], env);
    expect(changed.code).toBe(0);
    const password = shownPassword(changed.out);
    expect(await resumeSession(pool, settings, clock, before.sessionId)).toBeUndefined();
    await expect(signIn(pool, settings, clock, { username: 'vera', password: 'a long enough password', address: '127.0.0.2' })).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    await expect(signIn(pool, settings, clock, { username: 'vera', password, address: '127.0.0.3' })).resolves.toBeDefined();
    expect((await listEvents(pool, 'user', 'vera')).map((event) => [event.type, event.actor])).toContainEqual(['user.password-changed', 'ops']);
  });

  it('role, disable, enable: each an event, signing a disabled user out, and never leaving no enabled admin', async () => {
    expect((await runCliInProcess(['user', 'add', 'boss', '--role', 'admin'], env)).code).toBe(0);
    const session = await signIn(pool, settings, clock, { username: 'dana', password: shownPassword((await runCliInProcess(['user', 'password', 'dana'], env)).out), address: '127.0.0.1' });
    expect((await runCliInProcess(['user', 'role', 'dana', 'onboarding', '--by', 'ops'], env)).out).toBe('dana is now onboarding.\n');
    expect((await runCliInProcess(['user', 'disable', 'dana', '--by', 'ops'], env)).out).toBe('dana is disabled.\n');
    expect(await resumeSession(pool, settings, clock, session.sessionId)).toBeUndefined();
    expect((await runCliInProcess(['user', 'enable', 'dana', '--by', 'ops'], env)).out).toBe('dana is enabled.\n');
    expect((await listEvents(pool, 'user', 'dana')).map((event) => [event.type, event.actor]).slice(-3)).toEqual([
      ['user.role-changed', 'ops'],
      ['user.disabled', 'ops'],
      ['user.enabled', 'ops'],
    ]);

    const badRole = await runCliInProcess(['user', 'role', 'dana', 'owner'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('"owner" is not a role');
    const admins = (await listUsers(pool)).filter((user) => user.role === 'admin' && !user.disabled).map((user) => user.username);
    for (const admin of admins.slice(1)) await runCliInProcess(['user', 'disable', admin], env);
    const last = await runCliInProcess(['user', 'disable', admins[0] as string], env);
    expect(last.code).toBe(2);
    expect(last.err).toContain(`${admins[0]} is the only enabled admin: disabling them would leave nobody to manage users. Make another admin first. [REQUEST_INVALID]`);
    expect((await runCliInProcess(['user', 'enable', 'nobody'], env)).err).toContain('There is no user "nobody". [USER_NOT_FOUND]');
  });
});

describe('the first admin', () => {
  it('is made at a first start with no user, its password written to the log once', async () => {
    const { pool: empty } = await createTestDatabase();
    try {
      const lines: Record<string, unknown>[] = [];
      const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
      await ensureFirstAdmin(empty, log, 'gw-1');
      await ensureFirstAdmin(empty, log, 'gw-1');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, username: 'admin', msg: expect.stringContaining('shown only this once') });
      const password = lines[0]?.password as string;
      expect(password).toMatch(/^[\w-]{20}$/);
      expect((await listUsers(empty)).map((user) => [user.username, user.role])).toEqual([['admin', 'admin']]);
      await expect(signIn(empty, settings, clock, { username: 'admin', password, address: '127.0.0.1' })).resolves.toBeDefined();
      expect((await listEvents(empty, 'user', 'admin'))[0]).toMatchObject({ type: 'user.created', actor: 'gw-1' });
    } finally {
      await empty.end();
    }
  });

  it('is not made when users exist, or when the log would not show its password', async () => {
    const lines: string[] = [];
    await ensureFirstAdmin(pool, pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }), 'gw-1');
    expect(lines).toEqual([]);
    const { pool: empty } = await createTestDatabase();
    try {
      await ensureFirstAdmin(empty, pino({ level: 'error' }, { write: (line: string) => void lines.push(line) }), 'gw-1');
      expect(await listUsers(empty)).toEqual([]);
    } finally {
      await empty.end();
    }
  });
});
