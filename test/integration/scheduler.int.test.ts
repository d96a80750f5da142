import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from '../../gateway/store/pool.js';
import { JobName } from '../../scheduler/job-names.js';
import { createScheduler } from '../../scheduler/scheduler.js';
import { createTestDatabase, silentLog } from '../helpers/test-database.js';
import { waitFor } from '../helpers/wait-for.js';

let pool: Pool;
beforeAll(async () => ({ pool } = await createTestDatabase()));
afterAll(async () => pool.end());

const lockedJobs = async () => (await pool.query('SELECT count(*)::int AS n FROM agenda_jobs WHERE locked_at IS NOT NULL')).rows[0].n as number;

describe('scheduler', () => {
  it('runs a nudged job promptly and once per key', async () => {
    const ran: unknown[] = [];
    const scheduler = createScheduler({ pool, instance: 'sched-a', log: silentLog, pollMs: 60_000, concurrency: 2 });
    await scheduler.start([{ name: JobName.identifyFile, run: async (data) => void ran.push(data) }]);
    try {
      await scheduler.nudge(JobName.identifyFile, 'file:1', { fileId: '1' });
      await waitFor('the job to run (by notification, well before the 60 s poll)', () => ran.length === 1, 10_000);
      expect(ran[0]).toMatchObject({ fileId: '1', key: 'file:1' });
    } finally {
      await scheduler.stop(1000);
    }
  });

  it('on stop waits for a running job, and releases the locks of one that outlives the timeout', async () => {
    let finish: () => void = () => undefined;
    const started: string[] = [];
    const scheduler = createScheduler({ pool, instance: 'sched-b', log: silentLog, pollMs: 60_000, concurrency: 2 });
    await scheduler.start([
      {
        name: JobName.identifyFile,
        run: (data) =>
          new Promise<void>((resolve) => {
            started.push((data as { fileId: string }).fileId);
            finish = resolve;
          }),
      },
    ]);
    await scheduler.nudge(JobName.identifyFile, 'file:slow', { fileId: 'slow' });
    await waitFor('the slow job to start', () => started.length === 1);
    expect(scheduler.active).toBe(1);
    expect(await lockedJobs()).toBe(1);

    const result = await scheduler.stop(200);

    expect(result).toEqual({ unfinished: 1 });
    expect(scheduler.running).toBe(false);
    expect(await lockedJobs()).toBe(0);
    finish();
  });

  it('reports a job that finished within the timeout as finished', async () => {
    const scheduler = createScheduler({ pool, instance: 'sched-c', log: silentLog, pollMs: 60_000, concurrency: 2 });
    let started = false;
    await scheduler.start([
      {
        name: JobName.identifyFile,
        run: async () => {
          started = true;
          await new Promise((resolve) => setTimeout(resolve, 300));
        },
      },
    ]);
    await scheduler.nudge(JobName.identifyFile, 'file:quick', { fileId: 'quick' });
    await waitFor('the job to start', () => started);
    expect(await scheduler.stop(5000)).toEqual({ unfinished: 0 });
    expect(await lockedJobs()).toBe(0);
  });
});
