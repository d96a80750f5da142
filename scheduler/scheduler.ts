import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { describeError } from '../gateway/errors/gateway-error.js';
import type { Logger } from '../gateway/log.js';
import { SCHEDULER_TABLE } from '../gateway/store/migrate.js';
import type { Pool } from '../gateway/store/pool.js';
import type { JobName } from './job-names.js';
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
  const agenda = new Agenda({
    backend,
    name: options.instance,
    processEvery: options.pollMs,
    defaultConcurrency: options.concurrency,
  });
  agenda.on('error', (error) => options.log.error({ err: error }, 'scheduler error'));
  const inFlight = new Set<Promise<void>>();
  let running = false;

  const define = (job: JobDefinition) => {
    agenda.define(
      job.name,
      async (agendaJob) => {
        const work = job.run(agendaJob.attrs.data);
        inFlight.add(work);
        try {
          await work;
          options.onJobDone?.(job.name, 'succeeded');
        } catch (error) {
          options.onJobDone?.(job.name, 'failed');
          options.log.error({ err: error, job: job.name, data: agendaJob.attrs.data }, `job ${job.name} failed: ${describeError(error)}`);
          throw error;
        } finally {
          inFlight.delete(work);
        }
      },
      { removeOnComplete: job.everyMs === undefined, lockLifetime: options.lockMs ?? 30_000 },
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
      await agenda.create(name, { ...data, key }).unique({ 'data.key': key }).schedule(new Date()).save();
    },
    async stop(timeoutMs) {
      running = false;
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
