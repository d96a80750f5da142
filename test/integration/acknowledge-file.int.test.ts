import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { acknowledgeFile } from '../../gateway/pipeline/acknowledge-file.js';
import { deliverAcknowledgment } from '../../gateway/pipeline/deliver-acknowledgment.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import { sweepStuckFiles } from '../../gateway/pipeline/sweep-stuck-files.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { placeInOutbound } from '../../gateway/transports/sftp-server/place-outbound.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { acknowledgeFileJob } from '../../scheduler/jobs/acknowledge-file.js';
import { parseFileJob } from '../../scheduler/jobs/parse-file.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';

// The acknowledge and deliver steps on a real database: sets validated with their outcome stored, the
// acknowledgments the partner's policy asks for stored once, and placed in its SFTP /outbound once.

let pool: Pool;
const actor = 'test';
const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });
const mailbox = (username: string) => ({ sftpMailbox: { users: [{ username, publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb2lAGNz4Nfv8xSxvtGmNpMeBqtjPB3Wq9lwA8QtdVr test'] }] } });

function x12Partner(id: string, isaId: string, send: PartnerProfile['acknowledgments']['send'], withMailbox = true): PartnerProfile {
  return {
    ...minimal,
    id,
    usage: 'production',
    version: '004010',
    identities: { ...minimal.identities, partner: { x12: { isaQualifier: 'ZZ', isaId, gsId: isaId } } },
    acknowledgments: { ...minimal.acknowledgments, send },
    ...(withMailbox ? { transports: mailbox(id) } : {}),
  };
}

const edifactPartner: PartnerProfile = {
  ...minimal,
  id: 'globex',
  usage: 'production',
  standard: 'EDIFACT',
  version: 'D96A',
  identities: { ...minimal.identities, partner: { edifact: { unbId: '4098765000002', unbQualifier: '14' } }, ours: { edifact: { unbId: '4012345000009', unbQualifier: '14' } } },
  documents: [{ document: 'order', message: 'ORDERS', direction: 'in' }],
  acknowledgments: { ...minimal.acknowledgments, send: { ta1: 'requestedOrRejected', contrl: 'always' } },
  transports: mailbox('globex'),
};

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  const profiles = [
    x12Partner('acme', 'ACMEX12', { functionalAck: '997', ta1: 'requestedOrRejected', contrl: 'requestedOrRejected' }),
    x12Partner('quiet', 'QUIETX12', { functionalAck: '997', ta1: 'requested', contrl: 'requestedOrRejected' }),
    x12Partner('nomail', 'NOMAILX12', { functionalAck: '997', ta1: 'requestedOrRejected', contrl: 'requestedOrRejected' }, false),
    {
      ...x12Partner('guided', 'GUIDEDX12', { functionalAck: '997', ta1: 'requested', contrl: 'requestedOrRejected' }),
      documents: [{ document: 'order', message: '850', direction: 'in', guide: { elements: { PO103: { codes: ['CA'] } } } }] satisfies PartnerProfile['documents'],
    },
    edifactPartner,
  ];
  for (const profile of profiles) {
    await withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn: undefined, changedBy: 'test', change: 'created' }));
  }
});
afterAll(async () => pool.end());

let counter = 0;

/** A file as the partner's transport hands it over, stored, identified and parsed. */
async function parsed(partner: string, content: string): Promise<string> {
  const intake = createIntake({ pool, actor, afterCommit: () => undefined });
  const { fileId } = await intake({ partner, source: 'sftp', originalName: `f${counter}.edi`, intakeKey: `ack-test:${(counter += 1)}`, content: Buffer.from(content, 'latin1') });
  expect(await identifyFile({ pool, actor }, fileId)).toBe('identified');
  expect(await parseFile({ pool, actor }, fileId)).toBe('parsed');
  return fileId;
}

const isa = (sender: string, control: string, ack: '0' | '1' = '0') =>
  `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*01*${'123456789'.padEnd(15)}*250101*1200*U*00401*${control}*${ack}*P*>~`;
const gs = (sender: string, id = 'PO') => `GS*${id}*${sender}*THREEPL*20250101*1200*1*X*004010~`;
const order = (control: string, date = '20250101') => `ST*850*${control}~BEG*00*SA*PO${control}**${date}~PO1*1*10*EA*9.99**VP*ABC-1~CTT*1~SE*5*${control}~`;
const x12File = (sender: string, control: string, sets: readonly string[], options: { ack?: '0' | '1'; trailer?: string } = {}) =>
  `${isa(sender, control, options.ack)}${gs(sender)}${sets.join('')}GE*${sets.length}*1~IEA*1*${options.trailer ?? control}~`;

interface AckRow {
  readonly id: string;
  readonly kind: string;
  readonly control_number: string;
  readonly state: string;
  readonly text: string;
}

async function acknowledgmentsOf(fileId: string): Promise<AckRow[]> {
  const result = await pool.query(
    `SELECT id::text, kind, control_number, state, convert_from(content, 'LATIN1') AS text FROM acknowledgments_out WHERE file_id = $1 ORDER BY id`,
    [fileId],
  );
  return result.rows as AckRow[];
}

async function setsOf(fileId: string): Promise<{ control_number: string; state: string; diagnostics: { code: string; severity: string; location: Record<string, unknown> }[] }[]> {
  const result = await pool.query(
    `SELECT s.control_number, s.state, s.diagnostics FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id WHERE i.file_id = $1 ORDER BY s.start_offset`,
    [fileId],
  );
  return result.rows;
}

async function outbound(partner: string): Promise<{ name: string; content: Buffer }[]> {
  return (await pool.query('SELECT name, content FROM sftp_outbound_files WHERE partner = $1 AND removed_at IS NULL ORDER BY id', [partner])).rows;
}

async function fileState(fileId: string): Promise<string> {
  return (await pool.query('SELECT state FROM received_files WHERE id = $1', [fileId])).rows[0].state;
}

describe('acknowledge step, X12', () => {
  it('answers a clean 850 with one 997 (AK5 A, AK9 A), stored once and placed in /outbound once, however often and concurrently both steps run', async () => {
    const fileId = await parsed('acme', x12File('ACMEX12', '000000101', [order('0001')]));
    const results = await Promise.all([1, 2, 3, 4].map(() => acknowledgeFile({ pool, actor }, fileId)));
    expect(results.map((result) => result.outcome).sort()).toEqual(['acknowledged', 'already-done', 'already-done', 'already-done']);
    expect(await acknowledgeFile({ pool, actor }, fileId)).toEqual({ outcome: 'already-done' });
    expect(await fileState(fileId)).toBe('ACKNOWLEDGED');

    const [ack, ...others] = await acknowledgmentsOf(fileId);
    expect(others).toEqual([]);
    expect(ack).toMatchObject({ kind: '997', state: 'PENDING', control_number: expect.stringMatching(/^\d{9}$/) });
    const lines = (ack as AckRow).text.split('\n');
    expect(lines[0]).toContain(`*01*123456789      *ZZ*ACMEX12        *`);
    expect(lines[1]).toMatch(/^GS\*FA\*THREEPL\*ACMEX12\*/);
    expect(lines.slice(3, 7)).toEqual(['AK1*PO*1~', 'AK2*850*0001~', 'AK5*A~', 'AK9*A*1*1*1~']);
    expect(results.find((result) => result.outcome === 'acknowledged')).toEqual({ outcome: 'acknowledged', acknowledgments: [ack?.id] });
    expect((await setsOf(fileId)).map((set) => [set.control_number, set.state, set.diagnostics])).toEqual([['0001', 'ACCEPTED', []]]);

    const id = (ack as AckRow).id;
    const deliveries = await Promise.all([1, 2, 3].map(() => deliverAcknowledgment({ pool, actor }, id)));
    expect(deliveries.sort()).toEqual(['already-done', 'already-done', 'delivered']);
    expect(await deliverAcknowledgment({ pool, actor }, id)).toBe('already-done');
    const placed = await outbound('acme');
    expect(placed.map((file) => file.name)).toEqual([`997-${ack?.control_number}.x12`]);
    expect(placed[0]?.content.toString('latin1')).toBe(ack?.text);
    expect((await acknowledgmentsOf(fileId))[0]?.state).toBe('DELIVERED');

    const events = (await listEvents(pool, 'file', fileId)).map((event) => event.type);
    expect(events).toEqual(['file.received', 'file.identified', 'file.parsed', 'file.acknowledged']);
    expect((await listEvents(pool, 'file', fileId)).at(-1)?.details).toMatchObject({ accepted: 1, rejected: 0, acknowledgments: [{ id, kind: '997', controlNumber: ack?.control_number }] });
    expect((await listEvents(pool, 'acknowledgment', id)).map((event) => [event.type, event.details.alreadyWaiting])).toEqual([['acknowledgment.delivered', false]]);
  });

  it("accepts the good set and rejects the bad one (AK9 P), storing the bad one's diagnostics with their file offsets", async () => {
    const content = x12File('ACMEX12', '000000102', [order('0001'), order('0002', '20250230')]);
    const fileId = await parsed('acme', content);
    expect((await acknowledgeFile({ pool, actor }, fileId)).outcome).toBe('acknowledged');
    const [ack] = await acknowledgmentsOf(fileId);
    expect(ack?.text).toContain('AK2*850*0001~\nAK5*A~\nAK2*850*0002~\nAK3*BEG*2**8~\nAK4*5*373*8*20250230~\nAK5*R*5~\nAK9*P*2*2*1~');
    const sets = await setsOf(fileId);
    expect(sets.map((set) => [set.control_number, set.state])).toEqual([['0001', 'ACCEPTED'], ['0002', 'REJECTED']]);
    expect(sets[1]?.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: '8', location: expect.objectContaining({ segment: 'BEG', element: 5, offset: content.indexOf('BEG*00*SA*PO0002') }) }),
    ]);
    expect((await listEvents(pool, 'file', fileId)).at(-1)?.details).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('answers no acknowledgment with one: an incoming 997 is validated and stored, and nothing is sent back', async () => {
    const content = `${isa('ACMEX12', '000000103')}${gs('ACMEX12', 'FA')}ST*997*0001~AK1*SH*5~AK9*A*1*1*1~SE*4*0001~GE*1*1~IEA*1*000000103~`;
    const fileId = await parsed('acme', content);
    expect(await acknowledgeFile({ pool, actor }, fileId)).toEqual({ outcome: 'acknowledged', acknowledgments: [] });
    expect(await fileState(fileId)).toBe('ACKNOWLEDGED');
    expect(await acknowledgmentsOf(fileId)).toEqual([]);
    expect((await setsOf(fileId)).map((set) => [set.control_number, set.state])).toEqual([['0001', 'ACCEPTED']]);
  });
});

describe("the partner's guide", () => {
  it('validates each set against the guide of the current profile for its message', async () => {
    const fileId = await parsed('guided', x12File('GUIDEDX12', '000000104', [order('0001')]));
    expect((await acknowledgeFile({ pool, actor }, fileId)).outcome).toBe('acknowledged');
    const [set] = await setsOf(fileId);
    expect(set?.state).toBe('REJECTED');
    expect(set?.diagnostics).toEqual([expect.objectContaining({ severity: 'error', location: expect.objectContaining({ segment: 'PO1', element: 3 }) })]);
    expect((await acknowledgmentsOf(fileId))[0]?.text).toContain('AK4*3*355*7*EA~\nAK5*R*5~\nAK9*R*1*1*0~');
  });
});

describe('TA1 policy', () => {
  const broken = (sender: string, control: string) => x12File(sender, control, [order('0001')], { trailer: '000000999' });

  it('requestedOrRejected: a broken envelope gets a TA1 R alone, and its sets are rejected with the envelope finding', async () => {
    const fileId = await parsed('acme', broken('ACMEX12', '000000201'));
    expect((await acknowledgeFile({ pool, actor }, fileId)).outcome).toBe('acknowledged');
    const [ack, ...others] = await acknowledgmentsOf(fileId);
    expect(others).toEqual([]);
    expect(ack?.kind).toBe('TA1');
    expect(ack?.text.split('\n')[1]).toBe('TA1*000000201*250101*1200*R*001~');
    expect(ack?.text).not.toContain('AK1');
    const [set] = await setsOf(fileId);
    expect(set?.state).toBe('REJECTED');
    expect(set?.diagnostics[0]).toMatchObject({ severity: 'error', code: '001' });
    expect(await deliverAcknowledgment({ pool, actor }, ack?.id as string)).toBe('delivered');
    expect((await outbound('acme')).map((file) => file.name)).toContain(`TA1-${ack?.control_number}.x12`);
  });

  it('requested: a broken envelope not asking for one gets none; a clean one asking (ISA14 = 1) gets TA1 A beside its 997', async () => {
    const brokenId = await parsed('quiet', broken('QUIETX12', '000000202'));
    expect(await acknowledgeFile({ pool, actor }, brokenId)).toEqual({ outcome: 'acknowledged', acknowledgments: [] });
    expect((await setsOf(brokenId)).map((set) => set.state)).toEqual(['REJECTED']);

    const askingId = await parsed('quiet', x12File('QUIETX12', '000000203', [order('0001')], { ack: '1' }));
    expect((await acknowledgeFile({ pool, actor }, askingId)).outcome).toBe('acknowledged');
    const [ack] = await acknowledgmentsOf(askingId);
    expect(ack?.kind).toBe('997');
    expect(ack?.text).toContain('TA1*000000203*250101*1200*A*000~\nGS*FA*THREEPL*QUIETX12*');
    expect(ack?.text).toContain('AK9*A*1*1*1~');
  });
});

describe('acknowledge step, EDIFACT', () => {
  it("answers an ORDERS interchange with a CONTRL when the partner's policy is always, delivered as CONTRL-<reference>.edi", async () => {
    const content = ["UNB+UNOC:3+4098765000002:14+4012345000009:14+250101:1200+REF7'", "UNH+1+ORDERS:D:96A:UN'", "BGM+220+PO-1+9'", "DTM+137:20250107:102'", "UNS+S'", "UNT+5+1'", "UNZ+1+REF7'"].join('\n');
    const fileId = await parsed('globex', content);
    expect((await acknowledgeFile({ pool, actor }, fileId)).outcome).toBe('acknowledged');
    const [ack] = await acknowledgmentsOf(fileId);
    expect(ack).toMatchObject({ kind: 'CONTRL', state: 'PENDING' });
    expect(ack?.text).toMatch(/^UNB\+UNOC:3\+4012345000009:14\+4098765000002:14\+\d{6}:\d{4}\+\d+'\nUNH\+\d+\+CONTRL:D:3:UN'\nUCI\+REF7\+4098765000002:14\+4012345000009:14\+7'\nUCM\+1\+ORDERS:D:96A:UN\+7'\n/);
    expect((await setsOf(fileId)).map((set) => [set.control_number, set.state])).toEqual([['1', 'ACCEPTED']]);
    expect(await deliverAcknowledgment({ pool, actor }, ack?.id as string)).toBe('delivered');
    expect((await outbound('globex')).map((file) => file.name)).toEqual([`CONTRL-${ack?.control_number}.edi`]);
  });
});

describe('delivery', () => {
  it('counts a file of its name already waiting in /outbound as its own, placed by an attempt that did not get to record it', async () => {
    const fileId = await parsed('acme', x12File('ACMEX12', '000000301', [order('0001')]));
    await acknowledgeFile({ pool, actor }, fileId);
    const [ack] = (await acknowledgmentsOf(fileId)) as [AckRow];
    const name = `997-${ack.control_number}.x12`;
    await placeInOutbound(pool, { partner: 'acme', name, content: Buffer.from(ack.text, 'latin1'), placedBy: 'crashed-attempt' });
    expect(await deliverAcknowledgment({ pool, actor }, ack.id)).toBe('delivered');
    expect((await outbound('acme')).filter((file) => file.name === name)).toHaveLength(1);
    expect((await listEvents(pool, 'acknowledgment', ack.id)).map((event) => event.details.alreadyWaiting)).toEqual([true]);
  });

  it('keeps the acknowledgment of a partner without an SFTP mailbox PENDING', async () => {
    const fileId = await parsed('nomail', x12File('NOMAILX12', '000000302', [order('0001')]));
    await acknowledgeFile({ pool, actor }, fileId);
    const [ack] = (await acknowledgmentsOf(fileId)) as [AckRow];
    expect(await deliverAcknowledgment({ pool, actor }, ack.id)).toBe('no-transport');
    expect((await acknowledgmentsOf(fileId))[0]?.state).toBe('PENDING');
    expect(await outbound('nomail')).toEqual([]);
    expect(await deliverAcknowledgment({ pool, actor }, '999999999')).toBe('not-found');
  });

  it('the sweep nudges files stuck in PARSED, and PENDING acknowledgments that have a mailbox to go to', async () => {
    const stuckFile = await parsed('acme', x12File('ACMEX12', '000000303', [order('0001')]));
    const withMailbox = await parsed('acme', x12File('ACMEX12', '000000304', [order('0001')]));
    const withoutMailbox = await parsed('nomail', x12File('NOMAILX12', '000000305', [order('0001')]));
    await acknowledgeFile({ pool, actor }, withMailbox);
    await acknowledgeFile({ pool, actor }, withoutMailbox);
    await pool.query("UPDATE received_files SET state_changed_at = now() - interval '10 minutes' WHERE id = $1", [stuckFile]);
    await pool.query("UPDATE acknowledgments_out SET state_changed_at = now() - interval '10 minutes' WHERE file_id = ANY($1)", [[withMailbox, withoutMailbox]]);
    const acknowledge: string[] = [];
    const deliver: string[] = [];
    const swept = await sweepStuckFiles({
      pool,
      stuckAfterMs: 60_000,
      nudgeIdentify: async () => undefined,
      nudgeParse: async () => undefined,
      nudgeAcknowledge: async (fileId) => void acknowledge.push(fileId),
      nudgeDeliver: async (acknowledgmentId) => void deliver.push(acknowledgmentId),
      nudgeTranslate: async () => undefined,
      nudgeSync: async () => undefined,
    });
    expect(acknowledge).toEqual([stuckFile]);
    expect(deliver).toContain((await acknowledgmentsOf(withMailbox))[0]?.id);
    expect(deliver).not.toContain((await acknowledgmentsOf(withoutMailbox))[0]?.id);
    expect(swept.files.PARSED).toBe(1);
  });
});

describe('duplicates', () => {
  const exceptionsOf = async (fileId: string) =>
    (await pool.query('SELECT code, message, actions, state FROM exceptions WHERE file_id = $1 ORDER BY id', [fileId])).rows as { code: string; message: string; actions: string[]; state: string }[];

  it('acknowledges an interchange sent again as a duplicate (TA1 025), processes none of its sets, and opens one exception support may force', async () => {
    const content = x12File('ACMEX12', '000000801', [order('0801')]);
    const first = await parsed('acme', content);
    expect((await acknowledgeFile({ pool, actor }, first)).outcome).toBe('acknowledged');
    const again = await parsed('acme', content);
    expect((await acknowledgeFile({ pool, actor }, again)).outcome).toBe('acknowledged');
    expect(await acknowledgeFile({ pool, actor }, again)).toEqual({ outcome: 'already-done' });

    expect((await setsOf(again)).map((set) => [set.control_number, set.state, set.diagnostics[0]?.code])).toEqual([['0801', 'REJECTED', '025']]);
    const [ack] = await acknowledgmentsOf(again);
    expect(ack?.kind).toBe('TA1');
    expect(ack?.text).toContain('TA1*000000801*250101*1200*R*025~');
    const exceptions = await exceptionsOf(again);
    expect(exceptions).toEqual([
      {
        code: 'DUPLICATE_INTERCHANGE',
        message: `Interchange 000000801 from ACMEX12 to 123456789 came in before, in file ${first}, with the same bytes; it is not processed again.`,
        actions: ['FORCE', 'DISMISS'],
        state: 'OPEN',
      },
    ]);
    expect((await listEvents(pool, 'file', again)).map((event) => event.type)).toContain('file.duplicate');
    expect((await pool.query("SELECT count(*)::int AS n FROM alerts WHERE kind = 'exception-opened' AND file_id = $1", [again])).rows[0].n).toBe(1);
  });

  it('tells changed bytes from the same bytes, and lets a new control number or another partner through', async () => {
    const first = await parsed('acme', x12File('ACMEX12', '000000802', [order('0802')]));
    await acknowledgeFile({ pool, actor }, first);
    const changed = await parsed('acme', x12File('ACMEX12', '000000802', [order('0802', '20250102')]));
    await acknowledgeFile({ pool, actor }, changed);
    expect((await exceptionsOf(changed))[0]?.message).toContain('with other bytes');

    const renumbered = await parsed('acme', x12File('ACMEX12', '000000803', [order('0802')]));
    await acknowledgeFile({ pool, actor }, renumbered);
    expect((await setsOf(renumbered)).map((set) => set.state)).toEqual(['ACCEPTED']);
    expect(await exceptionsOf(renumbered)).toEqual([]);
  });

  it('lets an interchange through again once the partner\'s window is over', async () => {
    const first = await parsed('acme', x12File('ACMEX12', '000000804', [order('0804')]));
    await acknowledgeFile({ pool, actor }, first);
    await pool.query("UPDATE interchanges SET created_at = now() - interval '91 days' WHERE file_id = $1", [first]);
    const later = await parsed('acme', x12File('ACMEX12', '000000804', [order('0804')]));
    await acknowledgeFile({ pool, actor }, later);
    expect((await setsOf(later)).map((set) => set.state)).toEqual(['ACCEPTED']);
  });

  it('answers a duplicate EDIFACT interchange with CONTRL 26', async () => {
    const interchange = "UNB+UNOC:3+4098765000002:14+4012345000009:14+250101:1200+DUP1'UNH+1+ORDERS:D:96A:UN'BGM+220+PO1+9'DTM+137:20250101:102'UNT+4+1'UNZ+1+DUP1'";
    const first = await parsed('globex', interchange);
    await acknowledgeFile({ pool, actor }, first);
    const again = await parsed('globex', interchange);
    await acknowledgeFile({ pool, actor }, again);
    const [contrl] = await acknowledgmentsOf(again);
    expect(contrl?.text).toMatch(/UCI\+DUP1\+4098765000002:14\+4012345000009:14\+4\+26/);
    expect((await exceptionsOf(again)).map((exception) => exception.code)).toEqual(['DUPLICATE_INTERCHANGE']);
  });
});

describe('jobs', () => {
  it('parse nudges acknowledgment of a file it parsed; acknowledge nudges delivery of each acknowledgment it stored', async () => {
    const intake = createIntake({ pool, actor, afterCommit: () => undefined });
    const { fileId } = await intake({ partner: 'acme', source: 'sftp', originalName: 'job.x12', intakeKey: 'ack-test:job', content: Buffer.from(x12File('ACMEX12', '000000401', [order('0001')])) });
    await identifyFile({ pool, actor }, fileId);
    const acknowledge: string[] = [];
    const deliver: string[] = [];
    const parseJob = parseFileJob({ pool, actor, log: silentLog, nudgeAcknowledge: async (id) => void acknowledge.push(id) });
    const translate: string[] = [];
    const acknowledgeJob = acknowledgeFileJob({ pool, actor, log: silentLog, nudgeDeliver: async (id) => void deliver.push(id), nudgeTranslate: async (id) => void translate.push(id) });
    for (let run = 0; run < 2; run += 1) await parseJob.run({ fileId });
    expect(acknowledge).toEqual([fileId]);
    for (let run = 0; run < 2; run += 1) await acknowledgeJob.run({ fileId });
    expect(deliver).toEqual((await acknowledgmentsOf(fileId)).map((ack) => ack.id));
    expect(deliver).toHaveLength(1);
    expect(translate).toEqual([fileId]);
  });
});
