import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobName } from './job-names.js';

// A step that has committed its work nudges the next one. Made through Agenda, each nudge costs an insert,
// a notification, a lock and a delete, and waits for the notification to come back; on a busy machine those
// round trips, not the steps, set the pace (npm run bench -- --pipeline). A nudge made by a job while it
// runs is therefore taken up here, in this process, by the next free worker. It is a hint like
// any other: the row it is about is committed before it is made, so one lost with the process (a crash, a
// stop) is found by the sweep. Nudges from outside a job (intake, the API) still go through Agenda, and so
// does any beyond what waits here, which keeps this queue short.

export interface LocalHandOff {
  /** Runs `work` as a job of this instance: the nudges it makes may be taken up here. */
  within<T>(work: () => Promise<T>): Promise<T>;
  /** Takes the nudge when made inside a job, for a job defined here, while the queue has room; false otherwise. */
  offer(name: JobName, key: string, data: Record<string, unknown>): boolean;
  /** Forgets what waits (their rows wait for the sweep); runs under way finish. */
  close(): void;
}

interface Waiting {
  readonly name: JobName;
  readonly key: string;
  readonly data: Record<string, unknown>;
}

/**
 * `concurrency` workers in all, whatever the job: a step may hold two database connections at once (its
 * transaction, and a control number committed on its own), so more of them than the pool can serve would
 * leave every connection held by a step waiting for another, and an upload waiting for none to come free.
 */
export function createLocalHandOff(options: {
  concurrency: number;
  /** Whether a job of this name is defined on this instance. */
  defines: (name: JobName) => boolean;
  /** Runs one job; it reports its own failure (the sweep brings the row back), so it never rejects. */
  run: (name: JobName, data: Record<string, unknown>) => Promise<void>;
}): LocalHandOff {
  const insideJob = new AsyncLocalStorage<true>();
  const waiting: Waiting[] = [];
  let active = 0;
  let open = true;
  // As many waiting as running: enough to keep the workers busy, few enough that a crash loses little the sweep must find.
  const room = options.concurrency;

  const pump = () => {
    while (open && active < options.concurrency && waiting.length > 0) {
      const { name, data } = waiting.shift() as Waiting;
      active += 1;
      void options.run(name, data).finally(() => {
        active -= 1;
        pump();
      });
    }
  };

  return {
    within: (work) => insideJob.run(true, work),
    offer(name, key, data) {
      if (!open || insideJob.getStore() !== true || !options.defines(name)) return false;
      // One waiting run per job and key, as Agenda keeps one queued job per key.
      if (waiting.some((other) => other.name === name && other.key === key)) return true;
      if (waiting.length >= room) return false;
      waiting.push({ name, key, data });
      pump();
      return true;
    },
    close() {
      open = false;
      waiting.length = 0;
    },
  };
}
