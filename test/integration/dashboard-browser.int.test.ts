import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readTemplate } from '../../partners/profile-template.js';
import { checkHealth } from '../../gateway/health.js';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { createMetrics } from '../../gateway/metrics.js';
import { newPartnerProfile, saveNewPartner } from '../../gateway/partners/new-partner.js';
import { testPartnerSample } from '../../gateway/partners/sample-tests.js';
import type { Pool } from '../../gateway/store/pool.js';
import { openException } from '../../gateway/store/sql/exceptions.js';
import { addUser } from '../../gateway/users/add-user.js';
import { buildApp } from '../../gateway/web/app.js';
import { seedOutboundShipNotice } from '../helpers/document-seeds.js';
import { createTestDatabase, createTestFolder, silentLog } from '../helpers/test-database.js';

// The dashboard in a real browser (Debian's chromium driven by playwright-core): signing in, each page,
// onboarding a partner from a template through a passing sample file to production, a viewer who is shown
// no promote button, and a rejected ship notice found by its PO number, read and resubmitted, which a viewer
// cannot resubmit. Each page is kept as a screenshot in var/test-artifacts/screenshots/.

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('var/test-artifacts/screenshots');
const PASSWORD = 'correct horse battery';
const DEFAULTS = 'test/fixtures/partners/defaults.yaml';
const SAMPLE = fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12', 'latin1');
const BROWSER_TIMEOUT = 120_000;

let pool: Pool;
let app: FastifyInstance;
let url: string;
let browser: BrowserContext;
let page: Page;
/** What the browser reported as errors: a blocked script or style (the content security policy), a failed load. */
const browserErrors: string[] = [];

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function signIn(username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
}

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  await addUser(pool, { username: 'ada', displayName: 'Ada Lovelace', role: 'admin', password: PASSWORD, timeZone: 'Europe/Paris', actor: 'test' });
  await addUser(pool, { username: 'vic', displayName: 'Vic Viewer', role: 'viewer', password: PASSWORD, timeZone: 'America/Chicago', actor: 'test' });
  await addUser(pool, { username: 'sam', displayName: 'Sam Support', role: 'support', password: PASSWORD, timeZone: 'Europe/London', actor: 'test' });

  const template = readTemplate('retailer-x12-4010');
  const values = { id: 'readymart', name: 'ReadyMart', isaId: 'READYMART', gsId: 'READYMART', odooPartner: 'READYMART' };
  await saveNewPartner(pool, { profile: newPartnerProfile({ template, values, defaultsFile: DEFAULTS }), template, changedBy: 'test' });
  const ready = Buffer.from(SAMPLE.replace('ACMERETAIL     ', 'READYMART      ').replace('*ACMERETAIL*', '*READYMART*'), 'latin1');
  expect((await testPartnerSample(pool, { partner: 'readymart', fileName: 'po.x12', bytes: ready, testedBy: 'test' })).report.passed).toBe(true);

  const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
  for (const [index, name] of ['po-4711.x12', 'po-4712.x12', 'asn-0001.x12'].entries()) {
    await intake({ partner: 'readymart', source: 'local-dir', originalName: name, intakeKey: `browser:${index}`, content: Buffer.from(`ISA*${index}`) });
  }
  await seedOutboundShipNotice(pool, {
    partner: 'readymart',
    shipment: 'SHIP-0042',
    order: 'PO-4711',
    state: 'REJECTED',
    interchange: '42',
    createdAt: '2026-03-02T11:00:00Z',
    dueAt: '2026-03-02T12:00:00Z',
    reason: 'rejected: PRF01 (the segment at position 4): invalid code value "PO-4711" (AK403 7)',
  });
  await seedOutboundShipNotice(pool, {
    partner: 'readymart',
    shipment: 'SHIP-0044',
    order: 'PO-4713',
    state: 'REJECTED',
    interchange: '44',
    createdAt: '2026-03-02T10:00:00Z',
    dueAt: '2026-03-02T11:00:00Z',
    reason: 'rejected: BSN02 (the segment at position 2): mandatory element missing (AK403 1)',
  });
  await seedOutboundShipNotice(pool, { partner: 'readymart', shipment: 'SHIP-0043', order: 'PO-4712', state: 'AWAITING_ACK', interchange: '43', createdAt: '2026-03-02T11:30:00Z', dueAt: '2099-01-01T00:00:00Z' });
  await openException(pool, {
    key: 'browser:1',
    code: 'TRANSLATION_FAILED',
    message: 'PO1 line 2: the unit of measure "XX" means nothing to the map; add it to the profile\'s unit table.',
    partner: 'readymart',
    reference: 'PO-4711',
    actions: ['RETRY', 'DISMISS'],
  });

  app = await buildApp({
    pool,
    log: silentLog,
    metrics: createMetrics(pool),
    health: () => checkHealth({ pool, instance: 'browser-test', startedAt: Date.now(), scheduler: { running: true, active: 0 }, stopping: () => false }),
    partners: { defaultsFile: DEFAULTS },
    dashboard: {
      settings: { sessionIdleMs: 1_800_000, sessionMaxMs: 43_200_000, secureCookie: 'auto', maxSignInFailures: 5, signInWindowMs: 900_000 },
      stuckAfterMs: 30_000,
      maxFileBytes: 1_000_000,
    },
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });

  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launchPersistentContext(await createTestFolder('chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  page.on('pageerror', (error) => browserErrors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await pool?.end();
});

describe('the dashboard in a browser', () => {
  it(
    'signs in and shows the overview, files, exceptions and partners',
    async () => {
      await page.goto(`${url}/files`);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await screenshot('01-sign-in');
      await page.getByLabel('User name').fill('ada');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('The user name or the password is wrong.');
      // The refused sign-in's own 401, which the browser reports as an error.
      browserErrors.length = 0;
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Files' }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(3);
      await screenshot('02-files');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await expect(page.locator('a[aria-current="page"]').textContent()).resolves.toBe('Overview');
      await screenshot('03-overview');
      await page.getByRole('link', { name: /open exceptions/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Exceptions' }).waitFor();
      await expect(page.locator('tbody').textContent()).resolves.toContain('PO-4711');
      await screenshot('04-exceptions');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
      await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
      await screenshot('05-partners');
      await page.getByRole('link', { name: 'readymart' }).click();
      await page.getByRole('heading', { level: 1, name: /ReadyMart/ }).waitFor();
      await screenshot('06-partner');
      expect(browserErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'creates a partner from a template, tests a passing sample file and promotes it',
    async () => {
      await page.goto(`${url}/partners`);
      await page.getByRole('link', { name: 'New partner from a template' }).click();
      await page.getByRole('link', { name: 'retailer-x12-4010' }).click();
      await page.getByRole('heading', { level: 1, name: 'New partner from retailer-x12-4010' }).waitFor();
      await page.locator('#v_id').fill('acme');
      await page.locator('#v_name').fill('ACME Retail');
      await page.locator('#v_isaId').fill('ACMERETAIL');
      await page.locator('#v_gsId').fill('ACMERETAIL');
      await page.locator('#v_odooPartner').fill('ACME');
      await screenshot('07-new-partner');
      await page.getByRole('button', { name: 'Create the partner' }).click();
      await page.getByRole('heading', { level: 1, name: 'ACME Retail (acme)' }).waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toBe('Partner acme created, version 1, in test.');
      expect(await page.getByRole('button', { name: 'Promote to production' }).count()).toBe(0);

      await page.getByLabel('Sample file (X12 or EDIFACT)').setInputFiles({ name: 'po-4711.x12', mimeType: 'application/octet-stream', buffer: Buffer.from(SAMPLE, 'latin1') });
      await page.getByRole('button', { name: 'Test the file' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sample po-4711.x12' }).waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toContain('Passed');
      await screenshot('08-sample-report');

      await page.getByRole('button', { name: 'Promote to production' }).click();
      await page.getByRole('heading', { level: 1, name: 'ACME Retail (acme)' }).waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toBe('Partner acme is in production from version 2.');
      await expect(page.locator('.facts').first().textContent()).resolves.toContain('production');
      await page.getByRole('link', { name: 'What changed' }).first().click();
      await page.getByRole('heading', { level: 3, name: 'From version 1 to version 2' }).waitFor();
      await screenshot('09-partner-promoted');
      expect(browserErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows a viewer no promote button, and the server refuses the promotion',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await signIn('vic');
      await page.goto(`${url}/partners/readymart`);
      await page.getByRole('heading', { level: 1, name: /ReadyMart/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Promote to production' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Test a sample file' }).count()).toBe(0);
      await expect(page.locator('footer').textContent()).resolves.toContain('America/Chicago');
      await screenshot('10-viewer-partner');
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const status = await page.evaluate(
        async (csrf) => (await fetch('/partners/readymart/promote', { method: 'POST', headers: { 'x-csrf-token': csrf } })).status,
        token,
      );
      expect(status).toBe(403);
      expect(browserErrors.filter((error) => !error.includes('403'))).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'finds a rejected 856 by its PO number, reads the reason, resubmits it and sees the new attempt in its timeline',
    async () => {
      // The viewer's refused promotion before: its 403 is the browser's to report, and this story's not.
      browserErrors.length = 0;
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await signIn('sam');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Acknowledgments' }).click();
      await page.getByRole('heading', { level: 1, name: 'Acknowledgments' }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(3);
      await screenshot('11-acknowledgments');
      await page.getByLabel('Business reference').fill('PO-4711');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/reference=PO-4711/);
      expect(await page.locator('tbody tr').count()).toBe(1);
      await expect(page.locator('tbody .reason').textContent()).resolves.toBe('rejected: PRF01 (the segment at position 4): invalid code value "PO-4711" (AK403 7)');
      await expect(page.locator('tbody').textContent()).resolves.toContain('rejected');
      await screenshot('12-acknowledgments-rejected');

      await page.getByRole('link', { name: /ship notice 856 SHIP-0042/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ship notice 856 SHIP-0042' }).waitFor();
      await expect(page.locator('.reason').textContent()).resolves.toContain('PRF01');
      await screenshot('13-document');
      await page.getByLabel('Why send it again').fill('PO number corrected');
      await page.getByRole('button', { name: 'Resubmit' }).click();
      await page.getByRole('status').waitFor();
      await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Sent again as document \d+/);
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await expect(timeline.textContent()).resolves.toMatch(/document\.resubmitted by sam/);
      await expect(timeline.textContent()).resolves.toMatch(/document\.stored by sam/);
      await expect(page.getByRole('region', { name: 'Attempts' }).textContent()).resolves.toContain('STORED');
      expect(await page.getByRole('button', { name: 'Resubmit' }).count()).toBe(0);
      await screenshot('14-document-resubmitted');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
      await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
      await page.getByLabel('Business reference').fill('PO-4711');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/reference=PO-4711/);
      expect(await page.locator('tbody tr').count()).toBe(2);
      await screenshot('15-documents');
      expect(browserErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows a viewer no resubmit button, and the server refuses the resubmission',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await signIn('vic');
      await page.goto(`${url}/acknowledgments?status=rejected`);
      await page.getByRole('heading', { level: 1, name: 'Acknowledgments' }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Resubmit' }).count()).toBe(0);
      await page.getByRole('link', { name: /ship notice 856 SHIP-0044/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ship notice 856 SHIP-0044' }).waitFor();
      expect(await page.getByRole('button', { name: 'Resubmit' }).count()).toBe(0);
      await screenshot('16-viewer-document');
      const id = /\/documents\/outbound\/(\d+)/.exec(page.url())?.[1] as string;
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const status = await page.evaluate(
        async ([documentId, csrf]) =>
          (await fetch(`/documents/outbound/${documentId}/resubmit`, { method: 'POST', headers: { 'x-csrf-token': csrf as string, 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=again' })).status,
        [id, token],
      );
      expect(status).toBe(403);
      expect(browserErrors.filter((error) => !error.includes('403'))).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
