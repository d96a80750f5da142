import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { identifyFileJob } from '../../scheduler/jobs/identify-file.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

let pool: Pool;
const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });

function x12Partner(id: string, isaId: string): PartnerProfile {
  return { ...minimal, id, usage: 'production', identities: { ...minimal.identities, partner: { x12: { isaQualifier: 'ZZ', isaId, gsId: isaId } } } };
}

function edifactPartner(id: string, unbId: string, unbQualifier: string): PartnerProfile {
  return { ...minimal, id, usage: 'production', standard: 'EDIFACT', version: 'D96A', identities: { partner: { edifact: { unbId, unbQualifier } }, ours: { edifact: { unbId: '4012345000009', unbQualifier: '14' } } } };
}

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  for (const profile of [x12Partner('acme', 'ACMEX12'), x12Partner('other', 'OTHERCO'), edifactPartner('globex', '4098765000002', '14')]) {
    await withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn: undefined, changedBy: 'test', change: 'created' }));
  }
});
afterAll(async () => pool.end());

const actor = 'test';
let counter = 0;

/** A file as the partner's transport hands it over, stored and identified. */
async function identified(partner: string, content: string): Promise<string> {
  const intake = createIntake({ pool, actor, afterCommit: () => undefined });
  const { fileId } = await intake({ partner, source: 'sftp', originalName: `f${counter}.edi`, intakeKey: `parse-test:${(counter += 1)}`, content: Buffer.from(content, 'latin1') });
  expect(await identifyFile({ pool, actor }, fileId)).toBe('identified');
  return fileId;
}

const isa = (sender: string, control: string, usage: 'P' | 'T') =>
  `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*01*${'123456789'.padEnd(15)}*250101*1200*U*00401*${control}*0*${usage}*>~`;
const st = (type: string, control: string) => `ST*${type}*${control}~BEG*00*SA*PO${control}**20250101~SE*3*${control}~`;

interface Row {
  readonly start: number;
  readonly end: number;
  readonly [column: string]: unknown;
}

async function rowsOf(fileId: string) {
  const ranges = 'start_offset::int AS start, end_offset::int AS end';
  const interchanges = (
    await pool.query(
      `SELECT id::text, partner, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, usage, ${ranges}
         FROM interchanges WHERE file_id = $1 ORDER BY start_offset`,
      [fileId],
    )
  ).rows as Row[];
  const ids = interchanges.map((row) => row.id);
  const groups = (
    await pool.query(`SELECT id::text, interchange_id::text, functional_id, control_number, version, ${ranges} FROM functional_groups WHERE interchange_id = ANY($1) ORDER BY start_offset`, [ids])
  ).rows as Row[];
  const sets = (
    await pool.query(`SELECT interchange_id::text, group_id::text, message_type, control_number, state, ${ranges} FROM transaction_sets WHERE interchange_id = ANY($1) ORDER BY start_offset`, [ids])
  ).rows as Row[];
  const content = (await pool.query('SELECT content FROM received_files WHERE id = $1', [fileId])).rows[0].content as Buffer;
  const slice = (row: Row) => content.subarray(row.start, row.end).toString('latin1');
  return { interchanges, groups, sets, slice };
}

async function fileRow(fileId: string) {
  return (await pool.query('SELECT state, rejection_code AS code, rejection_reason AS reason FROM received_files WHERE id = $1', [fileId])).rows[0];
}

describe('parse step, X12', () => {
  // Two interchanges: the first with two groups (two 850s, one 856), the second with line breaks after its
  // terminators, with one group of one 850.
  const first = [isa('ACMEX12', '000000101', 'P'), 'GS*PO*ACMEX12*THREEPL*20250101*1200*1*X*004010~', st('850', '0001'), st('850', '0002'), 'GE*2*1~', 'GS*SH*ACMEX12*THREEPL*20250101*1200*2*X*004010~', st('856', '0003'), 'GE*1*2~', 'IEA*2*000000101~'].join('');
  const second = [isa('ACMEX12', '000000102', 'P'), 'GS*PO*ACMEX12*THREEPL*20250101*1200*7*X*005010~', st('850', '0701'), 'GE*1*7~', 'IEA*1*000000102~'].join('').replaceAll('~', '~\r\n');
  const file = `${first}\r\n${second}`;

  it('stores every interchange, group and set with its control numbers and the bytes it came from', async () => {
    const fileId = await identified('acme', file);
    expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');
    expect(await fileRow(fileId)).toEqual({ state: 'PARSED', code: null, reason: null });

    const { interchanges, groups, sets, slice } = await rowsOf(fileId);
    const parties = { partner: 'acme', standard: 'X12', sender_qualifier: 'ZZ', sender_id: 'ACMEX12', receiver_qualifier: '01', receiver_id: '123456789' };
    expect(interchanges).toEqual([
      expect.objectContaining({ ...parties, control_number: '000000101', usage: 'production' }),
      expect.objectContaining({ ...parties, control_number: '000000102', usage: 'production' }),
    ]);
    expect(interchanges.map(slice)).toEqual([first, second.trimEnd()]);

    expect(groups.map((group) => [group.functional_id, group.control_number, group.version, group.interchange_id])).toEqual([
      ['PO', '1', '004010', interchanges[0]?.id],
      ['SH', '2', '004010', interchanges[0]?.id],
      ['PO', '7', '005010', interchanges[1]?.id],
    ]);
    expect(groups.map(slice)).toEqual([
      `GS*PO*ACMEX12*THREEPL*20250101*1200*1*X*004010~${st('850', '0001')}${st('850', '0002')}GE*2*1~`,
      `GS*SH*ACMEX12*THREEPL*20250101*1200*2*X*004010~${st('856', '0003')}GE*1*2~`,
      `GS*PO*ACMEX12*THREEPL*20250101*1200*7*X*005010~\r\n${st('850', '0701').replaceAll('~', '~\r\n')}GE*1*7~`,
    ]);

    expect(sets.map((set) => [set.message_type, set.control_number, set.state, set.group_id])).toEqual([
      ['850', '0001', 'PARSED', groups[0]?.id],
      ['850', '0002', 'PARSED', groups[0]?.id],
      ['856', '0003', 'PARSED', groups[1]?.id],
      ['850', '0701', 'PARSED', groups[2]?.id],
    ]);
    // Exactly ST through SE and its terminator: no line break, nothing of the next set.
    expect(sets.map(slice)).toEqual([st('850', '0001'), st('850', '0002'), st('856', '0003'), st('850', '0701').replaceAll('~', '~\r\n').trimEnd()]);

    const events = await listEvents(pool, 'file', fileId);
    expect(events.at(-1)).toMatchObject({ type: 'file.parsed', actor, details: { partner: 'acme', interchanges: 2, groups: 3, sets: 4 } });
  });

  it('ends a group that has no GE where the next group starts', async () => {
    const content = [isa('ACMEX12', '000000103', 'P'), 'GS*PO*ACMEX12*THREEPL*20250101*1200*1*X*004010~', st('850', '0001'), 'GS*PO*ACMEX12*THREEPL*20250101*1200*2*X*004010~', st('850', '0002'), 'GE*1*2~IEA*2*000000103~'].join('');
    const fileId = await identified('acme', content);
    expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');
    const { groups, slice } = await rowsOf(fileId);
    expect(groups.map(slice)).toEqual([`GS*PO*ACMEX12*THREEPL*20250101*1200*1*X*004010~${st('850', '0001')}`, `GS*PO*ACMEX12*THREEPL*20250101*1200*2*X*004010~${st('850', '0002')}GE*1*2~`]);
  });

  it('writes the rows once, however often and however concurrently it runs', async () => {
    const fileId = await identified('acme', file);
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => parseFile({ pool, actor }, fileId)));
    expect(outcomes.sort()).toEqual(['already-done', 'already-done', 'already-done', 'parsed']);
    expect(await parseFile({ pool, actor }, fileId)).toBe('already-done');
    const { interchanges, groups, sets } = await rowsOf(fileId);
    expect([interchanges.length, groups.length, sets.length]).toEqual([2, 3, 4]);
    expect((await listEvents(pool, 'file', fileId)).map((event) => event.type)).toEqual(['file.received', 'file.identified', 'file.parsed']);
  });

  it('waits for identification, and says when there is no such file', async () => {
    const intake = createIntake({ pool, actor, afterCommit: () => undefined });
    const { fileId } = await intake({ partner: 'acme', source: 'sftp', originalName: 'early.x12', intakeKey: 'parse-test:early', content: Buffer.from(file) });
    expect(await parseFile({ pool, actor }, fileId)).toBe('not-identified');
    expect((await fileRow(fileId)).state).toBe('RECEIVED');
    expect(await parseFile({ pool, actor }, '999999999')).toBe('not-found');
  });
});

describe('parse step, EDIFACT', () => {
  const unb = (reference: string) => `UNB+UNOC:3+4098765000002:14+4012345000009:14+250101:1200+${reference}'`;

  it('stores a UNG group and its messages; the interchange starts at its UNA', async () => {
    // A released terminator in the trailer's reference: the message ends at the next one.
    const message = "UNH+M?'1+ORDERS:D:96A:UN'BGM+220+PO1+9'UNT+3+M?'1'";
    const group = `UNG+ORDERS+4098765000002:14+4012345000009:14+250101:1200+G1+UN+D:96A'${message}UNE+1+G1'`;
    const interchange = `UNA:+.? '${unb('REF1')}${group}UNZ+1+REF1'`;
    const fileId = await identified('globex', `${interchange}\n`);
    expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');

    const { interchanges, groups, sets, slice } = await rowsOf(fileId);
    expect(interchanges).toEqual([expect.objectContaining({ partner: 'globex', standard: 'EDIFACT', sender_qualifier: '14', sender_id: '4098765000002', receiver_id: '4012345000009', control_number: 'REF1', usage: 'production' })]);
    expect(interchanges.map(slice)).toEqual([interchange]);
    expect(groups.map((row) => [row.functional_id, row.control_number, row.version])).toEqual([['ORDERS', 'G1', 'D96A']]);
    expect(groups.map(slice)).toEqual([group]);
    expect(sets.map((row) => [row.message_type, row.control_number, row.group_id])).toEqual([['ORDERS', "M'1", groups[0]?.id]]);
    expect(sets.map(slice)).toEqual([message]);
  });

  it('stores messages with no group when the interchange has no UNG', async () => {
    const messages = ["UNH+1+ORDERS:D:96A:UN'BGM+220+PO2+9'UNT+3+1'", "UNH+2+DESADV:D:96A:UN'BGM+351+ASN3+9'UNT+3+2'"];
    const interchange = `${unb('REF2')}${messages.join('')}UNZ+2+REF2'`;
    const fileId = await identified('globex', interchange);
    expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');

    const { interchanges, groups, sets, slice } = await rowsOf(fileId);
    expect(interchanges.map((row) => [row.control_number, row.usage])).toEqual([['REF2', 'production']]);
    expect(interchanges.map(slice)).toEqual([interchange]);
    expect(groups).toEqual([]);
    expect(sets.map((row) => [row.message_type, row.control_number, row.group_id])).toEqual([
      ['ORDERS', '1', null],
      ['DESADV', '2', null],
    ]);
    expect(sets.map(slice)).toEqual(messages);
  });
});

describe('partner identification', () => {
  const interchange = (sender: string) => `${isa(sender, '000000201', 'P')}GS*PO*${sender}*THREEPL*20250101*1200*1*X*004010~${st('850', '0001')}GE*1*1~IEA*1*000000201~`;
  const storedRows = async () => (await pool.query('SELECT count(*)::int AS n FROM interchanges')).rows[0].n as number;

  it("rejects a file sent under another partner's id, with the code and an event, and stores no rows", async () => {
    const before = await storedRows();
    const fileId = await identified('acme', interchange('OTHERCO'));
    expect(await parseFile({ pool, actor }, fileId)).toBe('rejected');
    expect(await fileRow(fileId)).toEqual({
      state: 'REJECTED',
      code: 'SENDER_NOT_PARTNER',
      reason: 'Interchange 000000201 says it is from ISA id ZZ/OTHERCO, which is partner "other"\'s id, but it came in through partner "acme"\'s mailbox (sftp).',
    });
    const events = await listEvents(pool, 'file', fileId);
    expect(events.at(-1)).toMatchObject({ type: 'file.sender-mismatch', details: { code: 'SENDER_NOT_PARTNER', owner: 'other', interchange: '000000201', sender: { qualifier: 'ZZ', id: 'OTHERCO' } } });
    expect(await storedRows()).toBe(before);
    expect(await parseFile({ pool, actor }, fileId)).toBe('already-done');
  });

  it('quarantines a file sent under an id that is no partner\'s, never dropping it', async () => {
    const before = await storedRows();
    const fileId = await identified('acme', interchange('NOBODY'));
    expect(await parseFile({ pool, actor }, fileId)).toBe('quarantined');
    expect(await fileRow(fileId)).toEqual({
      state: 'QUARANTINED',
      code: 'SENDER_UNKNOWN',
      reason: 'Interchange 000000201 says it is from ISA id ZZ/NOBODY, which is no partner\'s id; it came in through partner "acme"\'s mailbox (sftp).',
    });
    expect((await listEvents(pool, 'file', fileId)).at(-1)).toMatchObject({ type: 'file.quarantined', details: { code: 'SENDER_UNKNOWN' } });
    expect(await storedRows()).toBe(before);
    expect((await pool.query('SELECT size::int FROM received_files WHERE id = $1', [fileId])).rows[0].size).toBe(interchange('NOBODY').length);
  });

  it('rejects a file when any of its interchanges is from another partner', async () => {
    const fileId = await identified('acme', `${interchange('ACMEX12')}${interchange('NOBODY')}${interchange('OTHERCO')}`);
    expect(await parseFile({ pool, actor }, fileId)).toBe('rejected');
    expect((await fileRow(fileId)).code).toBe('SENDER_NOT_PARTNER');
  });

  it("rejects a file from the partner addressed to someone other than us as the partner knows us", async () => {
    const before = await storedRows();
    const fileId = await identified('acme', interchange('ACMEX12').replace(`*01*${'123456789'.padEnd(15)}*`, `*ZZ*${'SOMEONEELSE'.padEnd(15)}*`));
    expect(await parseFile({ pool, actor }, fileId)).toBe('rejected');
    expect(await fileRow(fileId)).toEqual({
      state: 'REJECTED',
      code: 'RECEIVER_NOT_US',
      reason: 'Interchange 000000201 is addressed to ZZ/SOMEONEELSE, but acme sends to us as 01/123456789.',
    });
    expect((await listEvents(pool, 'file', fileId)).at(-1)).toMatchObject({ type: 'file.receiver-mismatch', details: { code: 'RECEIVER_NOT_US', interchange: '000000201' } });
    expect(await storedRows()).toBe(before);
  });

  it('matches an EDIFACT sender on its qualifier as well as its id', async () => {
    const fileId = await identified('globex', "UNB+UNOC:3+4098765000002:ZZZ+4012345000009:14+250101:1200+REF9'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+REF9'");
    expect(await parseFile({ pool, actor }, fileId)).toBe('quarantined');
    expect((await fileRow(fileId)).reason).toContain('UNB id 4098765000002 (qualifier ZZZ), which is no partner\'s id');
  });

  it('rejects a file whose envelope cannot be read at all, in the reader\'s words', async () => {
    const fileId = await identified('acme', 'ISA*00*broken~');
    expect(await parseFile({ pool, actor }, fileId)).toBe('rejected');
    const row = await fileRow(fileId);
    expect(row).toMatchObject({ state: 'REJECTED', code: 'ENVELOPE_UNREADABLE' });
    expect(row.reason).toMatch(/^The interchange cannot be read: /);
    expect((await listEvents(pool, 'file', fileId)).at(-1)).toMatchObject({ type: 'file.rejected', details: { code: 'ENVELOPE_UNREADABLE' } });
  });
});

describe('test and production', () => {
  const interchange = (usage: 'P' | 'T') => `${isa('ACMEX12', '000000401', usage)}GS*PO*ACMEX12*THREEPL*20250101*1200*1*X*004010~${st('850', '0001')}GE*1*1~IEA*1*000000401~`;

  it('refuses a test interchange from a partner in production, naming the interchange and the usage, and stores no rows', async () => {
    const fileId = await identified('acme', interchange('T'));
    expect(await parseFile({ pool, actor }, fileId)).toBe('rejected');
    expect(await fileRow(fileId)).toEqual({
      state: 'REJECTED',
      code: 'USAGE_MISMATCH',
      reason: 'Interchange 000000401 is marked test (ISA15 = T), but acme is a partner in production; it is not processed, so that test data never mixes with production data.',
    });
    expect((await rowsOf(fileId)).interchanges).toEqual([]);
    expect((await listEvents(pool, 'file', fileId)).map((event) => event.type)).toContain('file.usage-mismatch');
  });

  it('quarantines a production interchange from a partner in test when its profile says so', async () => {
    const profile: PartnerProfile = { ...x12Partner('testing', 'TESTINGCO'), usage: 'test', receiving: { duplicateWindowDays: 90, otherUsage: 'quarantine' } };
    await withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn: undefined, changedBy: 'test', change: 'created' }));
    const fileId = await identified('testing', interchange('P').replaceAll('ACMEX12', 'TESTINGCO'));
    expect(await parseFile({ pool, actor }, fileId)).toBe('quarantined');
    expect(await fileRow(fileId)).toEqual(expect.objectContaining({ state: 'QUARANTINED', code: 'USAGE_MISMATCH' }));
  });

  it('parses an interchange marked for the partner\'s own usage', async () => {
    const fileId = await identified('acme', interchange('P').replace('000000401', '000000402').replace('IEA*1*000000401', 'IEA*1*000000402'));
    expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');
  });
});

describe('identify job', () => {
  it('nudges parsing of a file it identified, and of no other', async () => {
    const intake = createIntake({ pool, actor, afterCommit: () => undefined });
    const good = await intake({ partner: 'acme', source: 'sftp', originalName: 'good.x12', intakeKey: 'parse-test:job-good', content: Buffer.from(isa('ACMEX12', '000000301', 'P')) });
    const bad = await intake({ partner: 'acme', source: 'sftp', originalName: 'bad.txt', intakeKey: 'parse-test:job-bad', content: Buffer.from('hello') });
    const nudged: string[] = [];
    const job = identifyFileJob({ pool, actor, log: silentLog, nudgeParse: async (fileId) => void nudged.push(fileId) });
    for (const fileId of [good.fileId, bad.fileId, good.fileId]) await job.run({ fileId });
    expect(nudged).toEqual([good.fileId]);
  });
});
