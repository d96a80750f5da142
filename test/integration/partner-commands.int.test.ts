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

  it.each([
    ['carrier-x12-214', ['id=cli-carrier', 'name=Carrier', 'isaId=CLICARRIER', 'gsId=CLICARRIER', 'odooPartner=CARRIER']],
    ['retailer-edifact-d96a', ['id=cli-euro', 'name=Euro', 'unbId=4000001000099', 'odooPartner=EURO']],
    ['retailer-x12-4010', ['id=cli-4010', 'name=Retail 4010', 'isaId=CLI4010', 'gsId=CLI4010', 'odooPartner=R4010']],
    ['retailer-x12-5010', ['id=cli-5010', 'name=Retail 5010', 'isaId=CLI5010', 'gsId=CLI5010', 'odooPartner=R5010']],
    ['supplier-x12-4010', ['id=cli-supplier', 'name=Supplier', 'isaId=CLISUPPLIER', 'gsId=CLISUPPLIER', 'odooPartner=SUPPLIER']],
  ])('new: makes a partner from template %s', async (template, values) => {
    const made = await runCliInProcess(['partner', 'new', '--template', template, ...values.flatMap((value) => ['--set', value])], env);
    expect(made.err).toBe('');
    const id = (values[0] as string).slice('id='.length);
    expect(made.out).toBe(`Partner ${id} created (version 1, usage test) from template ${template}.\n`);
    expect((await getProfileVersion(pool, id))?.change).toBe(`created from template ${template}`);
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

describe('edi-gateway partner test, promote, translate and render', () => {
  const sample = 'test/fixtures/templates/retailer-x12-4010/850-004010-full.x12';
  const make = ['partner', 'new', '--template', 'retailer-x12-4010', '--set', 'id=shopco', '--set', 'name=ShopCo', '--set', 'isaId=SHOPCO', '--set', 'gsId=SHOPCO', '--set', 'odooPartner=SHOP'];

  /** The retailer template's sample as ShopCo sends it, with `change` made to it. */
  async function shopcoSample(name: string, change: (text: string) => string = (text) => text): Promise<string> {
    const file = path.join(await createTestFolder('partner-test'), name);
    fs.writeFileSync(file, change(fs.readFileSync(sample, 'latin1').replace('ACMERETAIL     ', 'SHOPCO         ').replace('*ACMERETAIL*', '*SHOPCO*')), 'latin1');
    return file;
  }

  it('tests a sample, refuses to promote until one passed at the current version, then promotes', async () => {
    expect((await runCliInProcess(make, env)).code).toBe(0);

    const refused = await runCliInProcess(['partner', 'promote', 'shopco'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Partner "shopco" stays in test: no sample has passed at version 1 for order (850). Run: edi-gateway partner test shopco <sample file>. [PARTNER_NOT_READY]');

    const bad = await shopcoSample('bad.x12', (text) => text.replace('BEG*05*SA*PO-4711*', 'BEG*05*SA**'));
    const failed = await runCliInProcess(['partner', 'test', 'shopco', bad], env);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/^shopco \(profile version 1\): bad\.x12: FAILED\n {2}850 0001 \(order\): \d+ problems?\n {4}850 0001, segment 2 \(BEG\): .*BEG03/);
    expect((await runCliInProcess(['partner', 'promote', 'shopco'], env)).code).toBe(1);

    const passed = await runCliInProcess(['partner', 'test', 'shopco', await shopcoSample('850-004010-full.x12'), '--by', 'dana'], env);
    expect(passed.err).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.out).toContain('shopco (profile version 1): 850-004010-full.x12: PASSED\n  850 0001 (order): translated\n');
    expect(JSON.parse(passed.out.slice(passed.out.indexOf('\n['))) as unknown[]).toHaveLength(1);

    const promoted = await runCliInProcess(['partner', 'promote', 'shopco', '--by', 'dana'], env);
    expect(promoted.err).toBe('');
    expect(promoted.out).toBe('Partner shopco is in production from version 2: usage test -> production; samples passed at version 1: 850-004010-full.x12.\n');
    expect((await getProfileVersion(pool, 'shopco'))?.profile.usage).toBe('production');
    expect((await listEvents(pool, 'partner', 'shopco')).map((event) => event.type)).toEqual(['partner.created', 'partner.sample-tested', 'partner.sample-tested', 'partner.changed']);
  });

  it("translates with the partner's options, and an old version gives the old result", async () => {
    const plain = await runCliInProcess(['translate', sample], env);
    expect(plain.code).toBe(0);
    const units = (out: string) => (JSON.parse(out) as { lines: { quantity: { unit: string } }[] }[])[0]?.lines.map((line) => line.quantity.unit);
    expect(units(plain.out)).toEqual(['CS', 'KGM', 'EA']);

    await runCliInProcess(['partner', 'new', '--template', 'retailer-x12-4010', '--set', 'id=units', '--set', 'name=Units', '--set', 'isaId=UNITS', '--set', 'gsId=UNITS', '--set', 'odooPartner=U'], env);
    const first = await getProfileVersion(pool, 'units');
    if (!first) throw new Error('units was not stored');
    const documents = first.profile.documents.map((entry) => (entry.message === '850' ? { ...entry, unitsOfMeasure: { EA: 'H87' } } : entry));
    await withTransaction(pool, (client) => saveProfileVersion(client, { profile: { ...first.profile, documents }, basedOn: 1, changedBy: 'dana', change: 'EA is a piece' }));

    expect(units((await runCliInProcess(['translate', sample, '--partner', 'units'], env)).out)).toEqual(['CS', 'KGM', 'H87']);
    expect(units((await runCliInProcess(['translate', sample, '--partner', 'units', '--version', '1'], env)).out)).toEqual(['CS', 'KGM', 'EA']);

    const notEdi = await runCliInProcess(['translate', 'README.md'], env);
    expect(notEdi.code).toBe(2);
    expect(notEdi.err).toContain('[FILE_NOT_EDI]');
  });

  it('renders a canonical document as the EDI the partner gets, and refuses the wrong message', async () => {
    await runCliInProcess(['partner', 'new', '--template', 'retailer-x12-4010', '--set', 'id=render', '--set', 'name=Render', '--set', 'isaId=RENDER', '--set', 'gsId=RENDER', '--set', 'odooPartner=R'], env);
    const notice = 'test/fixtures/templates/retailer-x12-4010/out-856-004010-pallets.json';
    const rendered = await runCliInProcess(['render', notice, '--partner', 'render', '--type', '856'], env);
    expect(rendered.err).toBe('');
    expect(rendered.code).toBe(0);
    expect(rendered.out).toMatch(/^ISA\*00\* {10}\*00\* {10}\*01\*123456789 {6}\*ZZ\*RENDER {9}\*\d{6}\*\d{4}\*U\*00401\*000000001\*1\*T\*>~\nGS\*SH\*THREEPL\*RENDER\*/);
    expect(rendered.out).toContain('\nST*856*0001~\nBSN*00*SHIP-0042*');

    const wrong = await runCliInProcess(['render', notice, '--partner', 'render', '--type', 'DESADV'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('is a ship-notice, which render (X12) gets as 856, not DESADV.');
  });
});
