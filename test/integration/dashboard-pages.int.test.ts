import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readTemplate } from '../../partners/profile-template.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { newPartnerProfile, saveNewPartner } from '../../gateway/partners/new-partner.js';
import { createSecretStore } from '../../gateway/secrets/database-secret-store.js';
import { masterKeyOf } from '../../gateway/secrets/master-key.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { openException, resolveException } from '../../gateway/store/sql/exceptions.js';
import { addUser } from '../../gateway/users/add-user.js';
import { DashboardClient } from '../helpers/dashboard-client.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

// The dashboard's pages on seeded data: the overview's figures and the lists they link to, every filter of
// the files, exceptions and partners lists (days read in the user's own time zone), their pages, and
// onboarding a partner from a template through a sample file to production.

const PASSWORD = 'correct horse battery';
const DEFAULTS = 'test/fixtures/partners/defaults.yaml';
const SAMPLE = fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12', 'latin1');
const now = new Date('2026-03-02T15:00:00Z');

let pool: Pool;
let app: FastifyInstance;
const files: Record<string, string> = {};

/** The text of an HTML attribute or element, as a browser reads it. */
function decoded(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#x27|#x3D|#x60);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x3D': '=', '#x60': '`' })[entity] as string);
}

/** The link of the element whose text is `text`. */
function linkOf(html: string, text: RegExp): string {
  const found = [...html.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].find((match) => text.test(decoded((match[2] as string).replace(/<[^>]+>/g, ''))));
  if (!found) throw new Error(`no link ${text} in the page`);
  return decoded(found[1] as string);
}

/** The file ids a files page lists, in order. */
function fileIds(html: string): string[] {
  return [...html.matchAll(/#(\d+) via/g)].map((match) => match[1] as string);
}

async function seedFile(key: string, partner: string, name: string, receivedAt: string, state: string, stateChangedAt = receivedAt): Promise<string> {
  const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
  const { fileId } = await intake({ partner, source: 'local-dir', originalName: name, intakeKey: `pages:${key}`, content: Buffer.from(`ISA*${key}`) });
  await pool.query('UPDATE received_files SET received_at = $2, state = $3, state_changed_at = $4 WHERE id = $1', [fileId, receivedAt, state, stateChangedAt]);
  files[key] = fileId;
  return fileId;
}

async function seedAcknowledgment(fileId: string, partner: string, state: 'PENDING' | 'DELIVERED'): Promise<void> {
  const interchange = await pool.query<{ id: string }>(
    `INSERT INTO interchanges (file_id, partner, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, usage, start_offset, end_offset)
     VALUES ($1, $2, 'X12', 'ZZ', 'ACMERETAIL', '01', '123456789', '000000001', 'test', 0, 10) RETURNING id::text`,
    [fileId, partner],
  );
  await pool.query(`INSERT INTO acknowledgments_out (file_id, interchange_id, partner, kind, control_number, content, state) VALUES ($1, $2, $3, '997', '1', 'x', $4)`, [
    fileId,
    interchange.rows[0]?.id,
    partner,
    state,
  ]);
}

async function partnerFrom(templateName: string, values: Record<string, string>): Promise<void> {
  const template = readTemplate(templateName);
  await saveNewPartner(pool, { profile: newPartnerProfile({ template, values, defaultsFile: DEFAULTS }), template, changedBy: 'test' });
}

async function signedIn(username: string): Promise<DashboardClient> {
  const client = new DashboardClient(app);
  expect((await client.signIn(username, PASSWORD)).statusCode).toBe(303);
  return client;
}

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildTestApp(pool, {
    dashboard: {
      stuckAfterMs: 5 * 60_000,
      clock: () => now,
    },
  });
  await addUser(pool, { username: 'cara', role: 'onboarding', password: PASSWORD, timeZone: 'America/Chicago', actor: 'test' });
  await addUser(pool, { username: 'uma', role: 'admin', password: PASSWORD, timeZone: 'UTC', actor: 'test' });

  await partnerFrom('retailer-x12-4010', { id: 'acme', name: 'ACME Retail', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL', odooPartner: 'ACME' });
  await partnerFrom('retailer-edifact-d96a', { id: 'euromart', name: 'EuroMart GmbH', unbId: '4000001000005', odooPartner: 'EUROMART' });
  for (let index = 0; index < 51; index += 1) {
    const id = `p${String(index).padStart(2, '0')}`;
    await partnerFrom('carrier-x12-214', { id, name: `Carrier ${id}`, isaId: `CARRIER${id}`, gsId: `CARRIER${id}`, odooPartner: id });
  }

  await seedAcknowledgment(await seedFile('f2', 'acme', 'po-2.x12', '2026-03-02T03:00:00Z', 'ACKNOWLEDGED', '2026-03-02T14:58:00Z'), 'acme', 'DELIVERED');
  await seedAcknowledgment(await seedFile('f1', 'acme', 'PO-1.x12', '2026-03-02T14:00:00Z', 'ACKNOWLEDGED', '2026-03-02T14:58:00Z'), 'acme', 'PENDING');
  await seedFile('f3', 'euromart', 'ORDERS_1.edi', '2026-03-02T12:00:00Z', 'RECEIVED', '2026-03-02T14:50:00Z');
  await seedFile('f4', 'euromart', 'x_%.edi', '2026-02-20T12:00:00Z', 'REJECTED');
  await seedFile('f5', 'euromart', 'xa%.edi', '2026-02-20T12:00:00Z', 'REJECTED');
  for (let index = 0; index < 60; index += 1) await seedFile(`bulk${index}`, 'bulk', `bulk-${index}.x12`, '2026-02-01T12:00:00Z', 'REJECTED');

  for (const [key, reference, partner] of [['e1', 'PO-1', 'acme'], ['e2', 'PO-2', 'acme'], ['e3', 'PO-3', 'euromart']] as const) {
    const { exception } = await openException(pool, { key, code: 'TRANSLATION_FAILED', message: `BEG03 is missing in ${reference}`, partner, reference, fileId: files.f1, actions: ['RETRY', 'DISMISS'] });
    if (key === 'e3') await resolveException(pool, exception.id, { by: 'uma', how: 'dismissed: sent again' });
  }
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

describe('overview', () => {
  it("counts today's files by partner and state in the user's day, and each figure opens a list of as many", async () => {
    const cara = await signedIn('cara');
    const page = await cara.get('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Overview</h1>');
    const acme = linkOf(page.body, /^acme$/);
    expect(acme).toBe('/files?from=2026-03-02&to=2026-03-02&partner=acme');
    expect(fileIds((await cara.get(acme)).body)).toEqual([files.f1]);
    expect(fileIds((await cara.get(linkOf(page.body, /^\d+ owed$/))).body)).toEqual([files.f1]);
    expect(page.body).toMatch(/<span class="figure-inline">1<\/span> owed/);
    expect(page.body).toMatch(/<span class="figure-inline">0<\/span> delivered/);
    expect(page.body).toMatch(/<span class="figure">2<\/span> open exceptions/);
    expect(page.body).toMatch(/<span class="figure">1<\/span> acknowledgments owed/);
    const exceptions = await cara.get(linkOf(page.body, /open exceptions/));
    expect([...exceptions.body.matchAll(/BEG03 is missing in (PO-\d)/g)].map((match) => match[1])).toEqual(['PO-2', 'PO-1']);
    const stuck = decoded(/<a href="([^"]*)" class="warning">1<\/a>/.exec(page.body)?.[1] ?? '');
    expect(stuck).toBe('/files?state=RECEIVED&stuck=yes');
    expect(fileIds((await cara.get(stuck)).body)).toEqual([files.f3]);
  });

  it("moves the day with the user's time zone", async () => {
    const uma = await signedIn('uma');
    const page = await uma.get('/');
    expect(fileIds((await uma.get(linkOf(page.body, /^acme$/))).body)).toEqual([files.f1, files.f2]);
    expect(page.body).toContain('Times are shown in UTC.');
  });
});

describe('files', () => {
  it('filters by partner, state, days in the user zone, name, acknowledgment and stuck', async () => {
    const cara = await signedIn('cara');
    const uma = await signedIn('uma');
    const ids = async (client: DashboardClient, query: string) => fileIds((await client.get(`/files?${query}`)).body);
    expect(await ids(cara, 'partner=acme')).toEqual([files.f1, files.f2]);
    expect(await ids(cara, 'partner=euromart&state=RECEIVED')).toEqual([files.f3]);
    expect(await ids(cara, 'from=2026-03-01&to=2026-03-01')).toEqual([files.f2]);
    expect(await ids(uma, 'from=2026-03-01&to=2026-03-01')).toEqual([]);
    expect(await ids(uma, 'from=2026-03-02&to=2026-03-02&partner=')).toEqual([files.f3, files.f1, files.f2]);
    expect(await ids(cara, 'name=po')).toEqual([files.f1, files.f2]);
    expect(await ids(cara, 'name=x_%25')).toEqual([files.f4]);
    expect(await ids(cara, 'ack=DELIVERED')).toEqual([files.f2]);
    expect(await ids(cara, 'stuck=yes')).toEqual([files.f3]);
    const page = (await cara.get('/files?partner=acme&state=ACKNOWLEDGED')).body;
    expect(page).toContain('<option value="ACKNOWLEDGED" selected>');
    expect(page).toContain('<label for="partner">Partner</label>');
  });

  it('pages fifty at a time, keeping the filters', async () => {
    const cara = await signedIn('cara');
    const first = await cara.get('/files?partner=bulk');
    expect(fileIds(first.body)).toHaveLength(50);
    const next = linkOf(first.body, /^Next page$/);
    expect(next).toMatch(/^\/files\?partner=bulk&before=\d+$/);
    const second = await cara.get(next);
    expect(fileIds(second.body)).toHaveLength(10);
    expect(new Set([...fileIds(first.body), ...fileIds(second.body)]).size).toBe(60);
    expect(second.body).not.toContain('Next page');
    expect(linkOf(second.body, /^First page$/)).toBe('/files?partner=bulk');
  });
});

describe('exceptions', () => {
  it('lists open ones by default, all or resolved when asked, by reference, partner, code and day', async () => {
    const uma = await signedIn('uma');
    const references = async (query: string) => [...(await uma.get(`/exceptions?${query}`)).body.matchAll(/BEG03 is missing in (PO-\d)/g)].map((match) => match[1]);
    expect(await references('')).toEqual(['PO-2', 'PO-1']);
    expect(await references('state=all')).toEqual(['PO-3', 'PO-2', 'PO-1']);
    expect(await references('state=RESOLVED')).toEqual(['PO-3']);
    expect(await references('reference=PO-1')).toEqual(['PO-1']);
    expect(await references('state=all&partner=euromart')).toEqual(['PO-3']);
    expect(await references('code=ACK_OVERDUE')).toEqual([]);
    expect(await references('from=2000-01-01&to=2000-01-02')).toEqual([]);
    expect((await uma.get('/exceptions?state=all')).body).toContain('by uma');
  });
});

describe('partners', () => {
  it('lists partners with usage and last file, filtered and paged', async () => {
    const cara = await signedIn('cara');
    const page = await cara.get('/partners');
    expect(page.body).toContain('<a href="/partners/acme">acme</a>');
    expect(page.body).toMatch(/<a href="\/files\?partner&#x3D;acme"><time datetime="2026-03-02T14:00:00.000Z">2 Mar 2026, 08:00 GMT-6<\/time><\/a>/);
    expect(page.body).toContain('<a href="/new-partner" class="button">New partner from a template</a>');
    const second = await cara.get(linkOf(page.body, /^Next page$/));
    expect(second.body).toContain('<a href="/partners/p49">p49</a>');
    expect(second.body).not.toContain('<a href="/partners/acme">');
    const found = await cara.get('/partners?q=EURO');
    expect([...found.body.matchAll(/<a href="\/partners\/([\w-]+)">/g)].map((match) => match[1])).toEqual(['euromart']);
    expect((await cara.get('/partners?usage=production')).body).toContain('No partner matches.');
  });

  it('shows how its transports stand, the secrets its profile names, and how it acknowledged what we sent', async () => {
    const template = readTemplate('retailer-x12-4010');
    const profile = newPartnerProfile({ template, values: { id: 'wired', name: 'Wired Retail', isaId: 'WIRED', gsId: 'WIRED', odooPartner: 'WIRED' }, defaultsFile: DEFAULTS });
    const transports = {
      sftpMailbox: { users: [{ username: 'wired', publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl wired'] }] },
      sftpRemote: { host: 'sftp.wired.example', port: 22, username: 'threepl', keyRef: 'wired/ssh-key', hostKey: `SHA256:${'A'.repeat(43)}`, poll: { path: '/out', intervalSeconds: 300, pattern: '*' } },
      as2: {
        partnerAs2Id: 'WIRED',
        ourAs2Id: 'THREEPL',
        url: 'https://as2.wired.example/as2',
        partnerCertificateRef: 'wired/as2-cert',
        ourCertificateRef: 'ours/as2',
        signing: 'sha256',
        encryption: 'aes256-cbc',
        mdn: 'sync',
        signedMdn: true,
        acceptUnsigned: false,
      },
    } satisfies PartnerProfile['transports'];
    await saveNewPartner(pool, { profile: { ...profile, transports }, template, changedBy: 'test' });
    const at = (iso: string) => new Date(iso);
    await pool.query(`INSERT INTO events (entity, entity_id, type, actor, details, at) VALUES
      ('partner', 'wired', 'sftp.login', 'sftp:wired', '{"username": "wired", "address": "203.0.113.7"}', $1),
      ('partner', 'wired', 'sftp.login.failed', 'sftp:wired', '{"username": "wired", "address": "198.51.100.9"}', $2)`, [at('2026-03-02T09:30:00Z'), at('2026-03-01T22:00:00Z')]);
    await pool.query(`INSERT INTO sftp_remote_polls (partner, interval_seconds, next_poll_at, failures, last_polled_at, last_error) VALUES ('wired', 300, $1, 2, $2, 'Connection refused by sftp.wired.example:22')`, [
      at('2026-03-02T15:05:00Z'),
      at('2026-03-02T14:55:00Z'),
    ]);
    // Certificates stored with their end, as `secret set` stores them; the SSH key was never stored.
    const secrets = createSecretStore(masterKeyOf(randomBytes(32)));
    await secrets.put(pool, { name: 'wired/as2-cert', kind: 'certificate', value: Buffer.from('pem'), expiresAt: at('2026-03-20T00:00:00Z') });
    await secrets.put(pool, { name: 'ours/as2', kind: 'private-key', value: Buffer.from('pem'), expiresAt: at('2027-01-01T00:00:00Z') });
    for (const [index, state] of ['ACCEPTED', 'ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED', 'OVERDUE', 'STORED'].entries()) {
      await pool.query(
        `INSERT INTO outbound_documents (partner, kind, reference, canonical, origin, state, created_by, created_at, content, file_name, interchange_control_number, due_at, delivered_at, acknowledged_at)
         VALUES ('wired', 'ship-notice', $1, '{}', 'api', $2, 'test', $3, $4, $5, $6, $3, $3, $7)`,
        [`ASN-${index}`, state, at('2026-02-25T10:00:00Z'), state === 'STORED' ? null : Buffer.from('x'), state === 'STORED' ? null : `856-${index}.x12`, state === 'STORED' ? null : String(index), ['ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED'].includes(state) ? at('2026-02-25T13:00:00Z') : null],
      );
    }

    const page = await (await signedIn('cara')).get('/partners/wired');
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Last log-in to our SFTP server 2 Mar 2026, 03:30 GMT-6 as wired from 203.0.113.7');
    expect(text).toContain('Last failed log-in 1 Mar 2026, 16:00 GMT-6 as wired from 198.51.100.9');
    expect(text).toContain('Polls of its SFTP server last 2 Mar 2026, 08:55 GMT-6 , next 2 Mar 2026, 09:05 GMT-6 · 2 failed in a row: Connection refused by sftp.wired.example:22');
    expect(text).toContain('AS2 last message in never, last out never');
    expect(text).toContain('sftpRemote.keyRef wired/ssh-key not stored: edi-gateway secret set');
    expect(text).toContain('as2.partnerCertificateRef wired/as2-cert expires in 17 days (19 Mar 2026, 19:00 GMT-5)');
    expect(text).toContain('as2.ourCertificateRef ours/as2 valid until 31 Dec 2026, 18:00 GMT-6');
    expect(page.body).toContain('class="secret-missing"');
    expect(page.body).toContain('class="secret-expiring"');
    expect(text).toContain('Documents sent 6 Accepted 2, and 1 with errors (75% of those answered) Rejected 1 Overdue 1 Awaited 0 Median time to acknowledge 3 hours');
    expect(page.body).toContain('<a href="/acknowledgments?partner&#x3D;wired&amp;status&#x3D;rejected">1</a>');

    const quiet = await (await signedIn('cara')).get('/partners/acme');
    const quietText = quiet.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(quietText).toContain('Transports none in its profile: files only through the local drop folder');
    expect(quietText).toContain('Nothing sent to it in the last 30 days.');
  });

  it('answers an unknown partner with a page that says so', async () => {
    const cara = await signedIn('cara');
    const page = await cara.get('/partners/nobody');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('There is no partner &quot;nobody&quot;.');
  });
});

describe('onboarding a partner', () => {
  it('makes a partner from a template, showing each refused value at its field', async () => {
    const cara = await signedIn('cara');
    const choices = await cara.get('/new-partner');
    expect(choices.body).toContain('<a href="/new-partner?template&#x3D;retailer-x12-4010">retailer-x12-4010</a>');
    const form = await cara.get('/new-partner?template=retailer-x12-4010');
    expect(form.body).toContain('<label for="v_isaId">isaId <span class="quiet">(required)</span></label>');
    expect(form.body).toContain('id="v_isaQualifier" name="v_isaQualifier" value="ZZ"');

    const values = { template: 'retailer-x12-4010', v_id: 'newco', v_name: 'NewCo Stores', v_gsId: 'NEWCO', v_odooPartner: 'NEWCO', v_isaId: '' };
    const missing = await cara.post('/partners', values);
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('aria-invalid="true" aria-describedby="v_isaId-hint v_isaId-problem"');
    expect(missing.body).toContain('value="NewCo Stores"');
    const taken = await cara.post('/partners', { ...values, v_isaId: 'ACMERETAIL' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('is already partner &quot;acme&quot;');

    const made = await cara.post('/partners', { ...values, v_isaId: 'NEWCO' });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/partners/newco?created=1');
    const page = await cara.get(made.headers.location as string);
    expect(page.body).toContain('Partner newco created, version 1, in test.');
    expect(page.body).toContain('no passing sample at version 1');
    expect((await listEvents(pool, 'partner', 'newco')).map((event) => [event.type, event.actor])).toEqual([['partner.created', 'cara']]);
  });

  it('tests sample files, then promotes the partner, and shows what changed', async () => {
    const cara = await signedIn('cara');
    await cara.get('/partners/acme');
    const empty = await cara.upload('/partners/acme/samples', 'sample', { name: 'empty.x12', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);

    await cara.get('/partners/acme');
    const bad = await cara.upload('/partners/acme/samples', 'sample', { name: 'bad.x12', bytes: Buffer.from(SAMPLE.replace('BEG*05*SA*PO-4711*', 'BEG*05*SA**'), 'latin1') });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Failed: the file would not go through ACME Retail');
    expect(bad.body).toContain('BEG03');
    expect(bad.body).not.toContain('Promote to production');

    await cara.get('/partners/acme');
    const good = await cara.upload('/partners/acme/samples', 'sample', { name: 'po-4711.x12', bytes: Buffer.from(SAMPLE, 'latin1') });
    expect(good.body).toContain('Passed: ACME Retail');
    expect(good.body).toContain('The canonical document it translates to');
    expect(good.body).toContain('&quot;PO-4711&quot;');
    expect(good.body).toContain('Promote to production');

    const promoted = await cara.post('/partners/acme/promote');
    expect(promoted.headers.location).toBe('/partners/acme?promoted=2');
    const page = await cara.get('/partners/acme');
    expect(page.body).toContain('<span class="usage usage-production">production</span>');
    expect(page.body).toMatch(/po-4711\.x12<\/td>\s*<td class="number">1<\/td>\s*<td><span class="passed">passed/);
    const diff = await cara.get(linkOf(page.body, /^What changed$/));
    expect(diff.body).toContain('From version 1 to version 2');
    expect(diff.body).toMatch(/<code>usage<\/code><\/th><td><code>&quot;test&quot;<\/code><\/td><td><code>&quot;production&quot;<\/code>/);
    const old = await cara.get('/partners/acme?version=1');
    expect(old.body).toContain('Profile, version 1 (not the current one)');
    expect(old.body).toContain('usage: test');
  });
});
