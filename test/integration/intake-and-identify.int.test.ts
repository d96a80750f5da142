import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createIntake, type Delivery } from '../../gateway/ingest/accept-file.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { sweepStuckFiles } from '../../gateway/pipeline/sweep-stuck-files.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { createTestDatabase } from '../helpers/test-database.js';

let pool: Pool;
beforeAll(async () => ({ pool } = await createTestDatabase()));
afterAll(async () => pool.end());

const x12 = Buffer.from('ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250101*1200*U*00401*000000001*0*P*>~');
let counter = 0;
const delivery = (content: Buffer, name = 'po.edi'): Delivery => ({
  partner: 'acme',
  source: 'local-dir',
  originalName: name,
  intakeKey: `test:${(counter += 1)}`,
  content,
});

describe('intake', () => {
  it('stores bytes, hash and a received event in one commit, then tells the caller', async () => {
    const committed: string[] = [];
    const intake = createIntake({ pool, actor: 'test', afterCommit: (accepted) => committed.push(accepted.fileId) });
    const accepted = await intake(delivery(x12));

    expect(accepted.created).toBe(true);
    expect(committed).toEqual([accepted.fileId]);
    const row = (await pool.query('SELECT content, sha256, size, state, partner FROM received_files WHERE id = $1', [accepted.fileId])).rows[0];
    expect(Buffer.compare(row.content, x12)).toBe(0);
    expect(row).toMatchObject({ size: String(x12.length), state: 'RECEIVED', partner: 'acme' });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await listEvents(pool, 'file', accepted.fileId);
    expect(events.map((event) => event.type)).toEqual(['file.received']);
    expect(events[0]?.details).toMatchObject({ partner: 'acme', name: 'po.edi', size: x12.length });
  });

  it('stores a retried hand-over of the same delivery once', async () => {
    const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
    const first = delivery(x12);
    const results = await Promise.all([intake(first), intake(first), intake(first)]);
    expect(new Set(results.map((result) => result.fileId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect((await listEvents(pool, 'file', results[0]!.fileId)).length).toBe(1);
  });

  it('stores nothing when the store fails half-way', async () => {
    const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
    const before = (await pool.query('SELECT count(*)::int AS n FROM received_files')).rows[0].n;
    // PostgreSQL refuses a NUL in text: the insert fails after the transaction began.
    await expect(intake({ ...delivery(x12), originalName: 'bad\u0000name' })).rejects.toThrow();
    expect((await pool.query('SELECT count(*)::int AS n FROM received_files')).rows[0].n).toBe(before);
  });
});

describe('identify step', () => {
  const intake = () => createIntake({ pool, actor: 'test', afterCommit: () => undefined });

  it('marks X12 and EDIFACT files identified, once, however often it runs', async () => {
    const { fileId } = await intake()(delivery(x12));
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => identifyFile({ pool, actor: 'test' }, fileId)));
    expect(outcomes.sort()).toEqual(['already-done', 'already-done', 'already-done', 'identified']);
    const row = (await pool.query('SELECT state, standard FROM received_files WHERE id = $1', [fileId])).rows[0];
    expect(row).toEqual({ state: 'IDENTIFIED', standard: 'X12' });
    const types = (await listEvents(pool, 'file', fileId)).map((event) => event.type);
    expect(types).toEqual(['file.received', 'file.identified']);

    const edifact = await intake()(delivery(Buffer.from("UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+250101:1200+1'")));
    expect(await identifyFile({ pool, actor: 'test' }, edifact.fileId)).toBe('identified');
  });

  it('rejects a file that is not EDI with the reason in plain words', async () => {
    const { fileId } = await intake()(delivery(Buffer.from('<?xml version="1.0"?><order/>'), 'order.xml'));
    expect(await identifyFile({ pool, actor: 'test' }, fileId)).toBe('rejected');
    const row = (await pool.query('SELECT state, rejection_code, rejection_reason FROM received_files WHERE id = $1', [fileId])).rows[0];
    expect(row.state).toBe('REJECTED');
    expect(row.rejection_code).toBe('FILE_NOT_EDI');
    expect(row.rejection_reason).toContain('The file starts with "<?xml versio" at byte 1');
    const events = await listEvents(pool, 'file', fileId);
    expect(events.at(-1)).toMatchObject({ type: 'file.rejected', details: { code: 'FILE_NOT_EDI' } });
  });

  it('rejects an empty file', async () => {
    const { fileId } = await intake()(delivery(Buffer.alloc(0), 'empty.edi'));
    expect(await identifyFile({ pool, actor: 'test' }, fileId)).toBe('rejected');
    expect((await pool.query('SELECT rejection_code FROM received_files WHERE id = $1', [fileId])).rows[0].rejection_code).toBe('FILE_EMPTY');
  });

  it('says when there is no such file', async () => {
    expect(await identifyFile({ pool, actor: 'test' }, '999999999')).toBe('not-found');
  });
});

describe('sweep', () => {
  it('nudges files left in RECEIVED or IDENTIFIED longer than the limit to their next step, and only those', async () => {
    const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
    const old = await intake(delivery(x12));
    const recent = await intake(delivery(x12));
    const identified = await intake(delivery(x12));
    await identifyFile({ pool, actor: 'test' }, identified.fileId);
    await pool.query("UPDATE received_files SET state_changed_at = now() - interval '10 minutes' WHERE id = ANY($1)", [[old.fileId, identified.fileId]]);
    const identify: string[] = [];
    const parse: string[] = [];
    await sweepStuckFiles({
      pool,
      stuckAfterMs: 60_000,
      nudgeIdentify: async (fileId) => void identify.push(fileId),
      nudgeParse: async (fileId) => void parse.push(fileId),
      nudgeAcknowledge: async () => undefined,
      nudgeDeliver: async () => undefined,
      nudgeTranslate: async () => undefined,
      nudgeSync: async () => undefined,
    });
    expect(identify).toContain(old.fileId);
    expect(identify).not.toContain(recent.fileId);
    expect(identify).not.toContain(identified.fileId);
    expect(parse).toContain(identified.fileId);
    expect(parse).not.toContain(old.fileId);
  });
});
