import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { addUser, changePassword } from '../../gateway/users/add-user.js';
import { DashboardClient } from '../helpers/dashboard-client.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

// The users page, for admins: adding a user (its password shown once), roles, disabling, new passwords and
// API keys, each an event of the admin; and the rule that the gateway always keeps an enabled admin.

const PASSWORD = 'correct horse battery';
let pool: Pool;
let app: FastifyInstance;

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildTestApp(pool, { dashboard: {} });
  for (const [username, role] of [['ada', 'admin'], ['sam', 'support'], ['vic', 'viewer']] as const) await addUser(pool, { username, role, password: PASSWORD, actor: 'test' });
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

async function signedIn(username: string, password = PASSWORD): Promise<DashboardClient> {
  const client = new DashboardClient(app);
  expect((await client.signIn(username, password)).statusCode).toBe(303);
  await client.get('/');
  return client;
}

/** The page's text as read: without its markup, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const oneTime = (html: string) => /<code class="one-time">([^<]+)<\/code>/.exec(html)?.[1] as string;

describe('the users page', () => {
  it('is in the navigation of admins only, and refused to the other roles', async () => {
    const admin = await signedIn('ada');
    expect((await admin.get('/')).body).toContain('<a href="/users"');
    const page = await admin.get('/users');
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('ada (you)');
    for (const username of ['sam', 'vic']) {
      const other = await signedIn(username);
      expect((await other.get('/')).body).not.toContain('<a href="/users"');
      const refused = await other.get('/users');
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('ROLE_FORBIDDEN');
      expect((await other.post('/users', { username: 'mallory', role: 'admin' })).statusCode).toBe(403);
    }
  });

  it('adds a user whose password is shown once and signs them in, with their markup escaped', async () => {
    const admin = await signedIn('ada');
    await admin.get('/users');
    const added = await admin.post('/users', { username: 'Olga', displayName: '<b>Olga</b>', role: 'onboarding', timeZone: 'Europe/Paris' });
    expect(added.statusCode).toBe(200);
    expect(textOf(added.body)).toContain('User olga added as onboarding.');
    expect(added.body).toContain('&lt;b&gt;Olga&lt;/b&gt;');
    const password = oneTime(added.body);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await admin.get('/users')).body).not.toContain(password);
    await signedIn('olga', password);
    expect((await listEvents(pool, 'user', 'olga')).map((event) => [event.type, event.actor])).toEqual([
      ['user.created', 'ada'],
      ['user.signed-in', 'olga'],
    ]);

    const taken = await admin.post('/users', { username: 'olga', role: 'viewer' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('There is already a user &quot;olga&quot;.');
    const badRole = await admin.post('/users', { username: 'nora', role: 'owner' });
    expect(badRole.statusCode).toBe(400);
    expect(textOf(badRole.body)).toMatch(/owner/);
  });

  it('changes a role, which takes effect at once, as an event', async () => {
    const admin = await signedIn('ada');
    const vic = await signedIn('vic');
    expect((await vic.get('/users')).statusCode).toBe(403);
    await admin.get('/users');
    const changed = await admin.post('/users/vic/role', { role: 'admin' });
    expect(textOf(changed.body)).toContain('vic is now admin.');
    expect((await vic.get('/users')).statusCode).toBe(200);
    expect((await admin.post('/users/vic/role', { role: 'viewer' })).statusCode).toBe(200);
    expect((await listEvents(pool, 'user', 'vic')).filter((event) => event.type === 'user.role-changed').map((event) => [event.actor, event.details])).toEqual([
      ['ada', { from: 'viewer', to: 'admin' }],
      ['ada', { from: 'admin', to: 'viewer' }],
    ]);
  });

  it('disables a user, signing them out and refusing their API keys, and enables them again', async () => {
    const admin = await signedIn('ada');
    const sam = await signedIn('sam');
    await admin.get('/users');
    const made = await admin.post('/users/sam/keys', { name: 'ticket-bot' });
    const key = oneTime(made.body);
    expect(key).toMatch(/^edi_/);
    expect(textOf(made.body)).toMatch(/API key \S+ \("ticket-bot"\) made for sam\./);
    const api = () => app.inject({ method: 'GET', url: '/api/files', headers: { authorization: `Bearer ${key}` } });
    expect((await api()).statusCode).toBe(200);

    const disabled = await admin.post('/users/sam/disable');
    expect(textOf(disabled.body)).toContain('sam is disabled: signed out, and its API keys refused.');
    expect((await sam.get('/files')).statusCode).toBe(303);
    expect((await new DashboardClient(app).signIn('sam', PASSWORD)).statusCode).toBe(401);
    expect((await api()).statusCode).toBe(401);

    await admin.post('/users/sam/enable');
    await signedIn('sam');
    expect((await api()).statusCode).toBe(200);
    expect((await listEvents(pool, 'user', 'sam')).map((event) => event.type)).toEqual(expect.arrayContaining(['user.api-key-made', 'user.disabled', 'user.enabled']));
  });

  it('gives a new password, shown once, ending the sessions of the old one', async () => {
    const admin = await signedIn('ada');
    const vic = await signedIn('vic');
    await admin.get('/users');
    const answer = await admin.post('/users/vic/password');
    expect(textOf(answer.body)).toContain('vic has a new password and was signed out.');
    const password = oneTime(answer.body);
    expect((await vic.get('/files')).statusCode).toBe(303);
    expect((await new DashboardClient(app).signIn('vic', PASSWORD)).statusCode).toBe(401);
    await signedIn('vic', password);
  });

  it('revokes a key from the user that holds it, and only there', async () => {
    const admin = await signedIn('ada');
    await admin.get('/users');
    const id = /API key (\S+) \("reports"\)/.exec(textOf((await admin.post('/users/vic/keys', { name: 'reports' })).body))?.[1] as string;
    const elsewhere = await admin.post(`/users/sam/keys/${id}/revoke`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.body).toContain(`sam holds no API key &quot;${id}&quot;.`);
    const revoked = await admin.post(`/users/vic/keys/${id}/revoke`);
    expect(textOf(revoked.body)).toContain(`API key ${id} ("reports") of vic revoked.`);
    expect(textOf(revoked.body)).toMatch(new RegExp(`${id} reports .* revoked`));
  });

  it('never leaves the gateway without an enabled admin, and an admin cannot disable themselves', async () => {
    const admin = await signedIn('ada');
    await admin.get('/users');
    const demoted = await admin.post('/users/ada/role', { role: 'viewer' });
    expect(demoted.statusCode).toBe(400);
    expect(textOf(demoted.body)).toContain('ada is the only enabled admin: making them viewer would leave nobody to manage users. Make another admin first.');
    const self = await admin.post('/users/ada/disable');
    expect(self.statusCode).toBe(400);
    expect(textOf(self.body)).toContain('You cannot disable yourself; another admin can.');
    expect((await admin.post('/users/nobody/role', { role: 'viewer' })).statusCode).toBe(404);

    await admin.post('/users/sam/role', { role: 'admin' });
    expect((await admin.post('/users/ada/role', { role: 'support' })).statusCode).toBe(200);
    expect((await admin.get('/users')).statusCode).toBe(403);
  });
});

describe('your account', () => {
  it('sets the time zone times are shown in, as an event of the user', async () => {
    const vic = await signedIn('vic', (await resetPassword('vic')));
    const page = await vic.get('/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="UTC" selected>UTC</option>');
    const saved = await vic.post('/account/time-zone', { timeZone: 'Asia/Tokyo' });
    expect(saved.headers.location).toBe('/account?saved=zone');
    const after = await vic.get('/account?saved=zone');
    expect(textOf(after.body)).toContain('Times are now shown in Asia/Tokyo.');
    expect(textOf(after.body)).toContain('Times are shown in Asia/Tokyo');
    expect((await vic.post('/account/time-zone', { timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    expect((await listEvents(pool, 'user', 'vic')).filter((event) => event.type === 'user.time-zone-changed').map((event) => [event.actor, event.details])).toEqual([
      ['vic', { timeZone: 'Asia/Tokyo' }],
    ]);
  });

  it('changes the password only with the current one, ending every session of the user', async () => {
    const password = await resetPassword('vic');
    const vic = await signedIn('vic', password);
    const other = await signedIn('vic', password);
    await vic.get('/account');
    const wrong = await vic.post('/account/password', { current: 'not it at all', password: 'a brand new passphrase', repeat: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(401);
    expect(textOf(wrong.body)).toContain('The current password is wrong; the password is unchanged.');
    const differ = await vic.post('/account/password', { current: password, password: 'a brand new passphrase', repeat: 'a brand new passfrase' });
    expect(differ.statusCode).toBe(400);
    const short = await vic.post('/account/password', { current: password, password: 'short', repeat: 'short' });
    expect(short.statusCode).toBe(400);
    const changed = await vic.post('/account/password', { current: password, password: 'a brand new passphrase', repeat: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/sign-in?next=%2Faccount');
    expect((await other.get('/files')).statusCode).toBe(303);
    expect((await new DashboardClient(app).signIn('vic', password)).statusCode).toBe(401);
    await signedIn('vic', 'a brand new passphrase');
  });
});

/** A new password for the user, as an admin gives one. */
async function resetPassword(username: string): Promise<string> {
  const password = `fresh password for ${username}`;
  await changePassword(pool, { username, password, actor: 'test' });
  return password;
}
