import { Agenda, type JobId } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { describeError } from '../gateway/errors/gateway-error.js';
import type { Logger } from '../gateway/log.js';
import { SCHEDULER_TABLE } from '../gateway/store/migrate.js';
import type { Pool } from '../gateway/store/pool.js';
import type { JobName } from './job-names.js';
import { createLocalHandOff } from './local-hand-off.js';
import type { JobDefinition } from './job.js';

export interface Scheduler {
  start(jobs: readonly JobDefinition[]): Promise<void>;
  /** Asks for `name` to run now for `key` (one queued job per key: nudging twice queues it once). */
  nudge(name: JobName, key: string, data: Record<string, unknown>): Promise<void>;
  readonly running: boolean;
  /** How many jobs this instance is running now. */
  readonly active: number;
  /**
   * Takes no new jobs, waits up to `timeoutMs` for running ones, then releases every lock this
   * instance still holds so another instance can take that work over. Returns the jobs cut short.
   */
  stop(timeoutMs: number): Promise<{ unfinished: number }>;
}

export interface SchedulerOptions {
  readonly pool: Pool;
  readonly instance: string;
  readonly log: Logger;
  readonly pollMs: number;
  readonly concurrency: number;
  /** How long a job stays locked to this instance (30 s unless given): the work of an instance that died waits no longer. */
  readonly lockMs?: number;
  readonly onJobDone?: (name: string, outcome: 'succeeded' | 'failed') => void;
}

/** Agenda 6 on the gateway's own PostgreSQL; the tables are created by migrate(). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const backend = new PostgresBackend({ pool: options.pool, tableName: SCHEDULER_TABLE, ensureSchema: false });
  // Its LISTEN connection reports a lost database as an 'error' event and reconnects by itself; unheard, the
  // event would end the process (a PostgreSQL restart must not).
  backend.notificationChannel?.on('error', (error: unknown) => options.log.warn({ err: error }, 'scheduler notifications lost their database connection; reconnecting'));
  // Agenda gives back a lock it took but will not use (over the lock limit, a run time still ahead) without
  // waiting for the answer: with the database gone, the failure would reach the process as an unhandled
  // rejection and stop it (a PostgreSQL restart must not). A lock not given back expires after EDI_SCHEDULER_LOCK_MS.
  const { repository } = backend;
  const unlockJob = repository.unlockJob.bind(repository);
  repository.unlockJob = (job) =>
    unlockJob(job).catch((error: unknown) => options.log.warn({ err: error, job: job.name }, 'scheduler could not release a job it locked; its lock expires by itself'));
  const agenda = new Agenda({
    backend,
    name: options.instance,
    processEvery: options.pollMs,
    defaultConcurrency: options.concurrency,
  });
  agenda.on('error', (error) => options.log.error({ err: error }, 'scheduler error'));
  const inFlight = new Set<Promise<void>>();
  let running = false;

  // Agenda locks every due job of a name into its local queue unless told a limit: with thousands waiting
  // (a burst of uploads), each fill and each pick scans that whole queue, locks outlive their lifetime before
  // their turn and are taken again, and the process spends its time on the queue instead of the files (npm run
  // bench -- --pipeline). Twice the concurrency keeps the next jobs at hand; the rest wait in the table, in order.
  const lockLimit = options.concurrency * 2;
  // With a limit, the queue is filled only on a notification or a poll: a job that finishes announces its name,
  // so the next waiting job is taken at once, not a poll interval later.
  const announce = (agendaJob: { attrs: { _id?: JobId; name: string } }) =>
    backend.notificationChannel
      ?.publish({ jobId: agendaJob.attrs._id as JobId, jobName: agendaJob.attrs.name, nextRunAt: null, priority: 0, timestamp: new Date(), source: options.instance })
      .catch((error: unknown) => options.log.warn({ err: error, job: agendaJob.attrs.name }, 'could not announce a finished job; the next poll takes up the waiting ones'));

  const definitions = new Map<JobName, JobDefinition>();
  const execute = async (job: JobDefinition, data: unknown): Promise<void> => {
    const work = handOff.within(() => job.run(data));
    inFlight.add(work);
    try {
      await work;
      options.onJobDone?.(job.name, 'succeeded');
    } catch (error) {
      options.onJobDone?.(job.name, 'failed');
      options.log.error({ err: error, job: job.name, data }, `job ${job.name} failed: ${describeError(error)}`);
      throw error;
    } finally {
      inFlight.delete(work);
    }
  };
  const handOff = createLocalHandOff({
    concurrency: options.concurrency,
    defines: (name) => definitions.has(name),
    // A failed run is logged by execute and its row found again by the sweep, as a failed Agenda job's is.
    run: (name, data) => execute(definitions.get(name) as JobDefinition, data).catch(() => undefined),
  });

  const define = (job: JobDefinition) => {
    definitions.set(job.name, job);
    agenda.define(
      job.name,
      async (agendaJob) => {
        try {
          await execute(job, agendaJob.attrs.data);
        } finally {
          if (job.everyMs === undefined && running) void announce(agendaJob);
        }
      },
      { removeOnComplete: job.everyMs === undefined, lockLifetime: options.lockMs ?? 30_000, lockLimit },
    );
  };

  return {
    get running() {
      return running;
    },
    get active() {
      return inFlight.size;
    },
    async start(jobs) {
      jobs.forEach(define);
      await agenda.start();
      for (const job of jobs) {
        if (job.everyMs !== undefined) await agenda.every(job.everyMs, job.name, undefined, { skipImmediate: true });
      }
      running = true;
    },
    async nudge(name, key, data) {
      if (running && handOff.offer(name, key, { ...data, key })) return;
      await agenda.create(name, { ...data, key }).unique({ 'data.key': key }).schedule(new Date()).save();
    },
    async stop(timeoutMs) {
      running = false;
      handOff.close();
      await agenda.stop(false);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const finished = Promise.allSettled([...inFlight]).then(() => 'finished' as const);
      const unfinished = (await Promise.race([finished, timedOut])) === 'timeout' ? inFlight.size : 0;
      clearTimeout(timer);
      await options.pool.query(
        `UPDATE ${SCHEDULER_TABLE} SET locked_at = NULL WHERE last_modified_by = $1 AND locked_at IS NOT NULL`,
        [options.instance],
      );
      return { unfinished };
    },
  };
}
