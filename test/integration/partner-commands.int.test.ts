import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { getProfileVersion, saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { createTestDatabase, createTestFolder } from '../helpers/test-database.js';

let pool: Pool;
let env: Record<string, string>;
beforeAll(async () => {
  const database = await createTestDatabase();
  pool = database.pool;
  env = { DATABASE_URL: database.url, EDI_PARTNER_DEFAULTS: 'test/fixtures/partners/defaults.yaml', EDI_LOG_LEVEL: 'warn' };
});
afterAll(async () => pool.end());

const retailer = ['--template', 'retailer-x12-4010', '--set', 'id=acme', '--set', 'name=ACME Retail', '--set', 'isaId=ACMERETAIL', '--set', 'gsId=ACMERETAIL', '--set', 'odooPartner=ACME'];

describe('edi-gateway partner', () => {
  it('new: creates a partner from a template, in test usage, with its history and event', async () => {
    const made = await runCliInProcess(['partner', 'new', ...retailer, '--by', 'dana'], env);
    expect(made.err).toBe('');
    expect(made.out).toBe('Partner acme created (version 1, usage test) from template retailer-x12-4010.\n');
    expect(made.code).toBe(0);

    const stored = await getProfileVersion(pool, 'acme');
    expect(stored).toMatchObject({ version: 1, changedBy: 'dana', change: 'created from template retailer-x12-4010' });
    expect(stored?.profile.identities.ours.x12?.gsId).toBe('THREEPL');
    expect((await listEvents(pool, 'partner', 'acme')).map((event) => event.type)).toEqual(['partner.created']);

    const again = await runCliInProcess(['partner', 'new', ...retailer], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('A partner named "acme" already exists');
  });

  it('new: refuses a bad or missing variable, naming it, the field and the reason; nothing is stored', async () => {
    const bad = await runCliInProcess(['partner', 'new', '--template', 'retailer-x12-4010', '--set', 'id=bad', '--set', 'name=Bad', '--set', 'isaId=WAY-TOO-LONG-ISA-ID', '--set', 'odooPartner=BAD'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('The partner cannot be made from template retailer-x12-4010:');
    expect(bad.err).toContain("  - gsId: is required: GS02, the retailer's application code in group headers; often the ISA id (for example ACMERETAIL)");
    expect(bad.err).toContain('[PROFILE_INVALID]');

    const long = await runCliInProcess(['partner', 'new', '--template', 'retailer-x12-4010', '--set', 'id=bad', '--set', 'name=Bad', '--set', 'isaId=WAY-TOO-LONG-ISA-ID', '--set', 'gsId=BAD', '--set', 'odooPartner=BAD'], env);
    expect(long.code).toBe(2);
    expect(long.err).toMatch(/ {2}- isaId \(identities\.partner\.x12\.isaId\): .*15/);
    expect(await getProfileVersion(pool, 'bad')).toBeUndefined();

    const unknown = await runCliInProcess(['partner', 'new', '--template', 'retailer-x12-9999'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no partner template "retailer-x12-9999"; the templates are: carrier-x12-214,');
  });

  it('list, show and diff: the versions of a profile and what changed between them', async () => {
    const created = await runCliInProcess(['partner', 'new', '--template', 'carrier-x12-214', '--set', 'id=fastfreight', '--set', 'name=Fast Freight', '--set', 'isaId=FFRT', '--set', 'gsId=FFRT', '--set', 'odooPartner=FF'], env);
    expect(created.code).toBe(0);
    const first = await getProfileVersion(pool, 'fastfreight');
    if (!first) throw new Error('fastfreight was not stored');
    await withTransaction(pool, (client) =>
      saveProfileVersion(client, {
        profile: { ...first.profile, acknowledgments: { ...first.profile.acknowledgments, expect: { ...first.profile.acknowledgments.expect, withinHours: 48 } } },
        basedOn: 1,
        changedBy: 'dana',
        change: 'acknowledgments within 48 hours',
      }),
    );

    const listed = await runCliInProcess(['partner', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^PARTNER\s+NAME\s+VERSION\s+STANDARD\s+USAGE/);
    expect(listed.out).toMatch(/fastfreight\s+Fast Freight\s+2\s+X12\s+test/);

    const current = await runCliInProcess(['partner', 'show', 'fastfreight'], env);
    expect(current.out).toMatch(/^# fastfreight, version 2: acknowledgments within 48 hours \(dana, /);
    expect(current.out).toContain('withinHours: 48');
    const old = await runCliInProcess(['partner', 'show', 'fastfreight', '--version', '1'], env);
    expect(old.out).toContain('withinHours: 24');

    const diff = await runCliInProcess(['partner', 'diff', 'fastfreight', '1', '2'], env);
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('~ acknowledgments.expect.withinHours: 24 -> 48\n');
    expect(diff.out.match(/^[~+-] /gm)).toHaveLength(1);

    const missing = await runCliInProcess(['partner', 'show', 'fastfreight', '--version', '7'], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Partner "fastfreight" has no version 7. [PARTNER_NOT_FOUND]');
  });

  it('validate: a good profile file, and every problem of a bad one with its line', async () => {
    const good = await runCliInProcess(['partner', 'validate', 'test/fixtures/partners/acme.yaml'], env);
    expect(good.err).toBe('');
    expect(good.code).toBe(0);
    expect(good.out).toContain('test/fixtures/partners/acme.yaml: valid. Partner acme (ACME Retail), X12 004010, test');

    const folder = await createTestFolder('partner-validate');
    const file = path.join(folder, 'acme.yaml');
    fs.writeFileSync(file, fs.readFileSync('test/fixtures/partners/acme.yaml', 'utf8').replace('direction: in', 'direction: inbound'));
    const bad = await runCliInProcess(['partner', 'validate', file], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/acme\.yaml:\d+:\d+ documents\[0\]\.direction: must be 'in' or 'out', got 'inbound'/);
  });
});
