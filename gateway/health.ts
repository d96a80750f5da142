import { describeError } from './errors/gateway-error.js';
import type { Pool } from './store/pool.js';

export interface HealthReport {
  readonly status: 'ok' | 'failing' | 'stopping';
  readonly instance: string;
  readonly uptimeSeconds: number;
  readonly checks: {
    readonly database: { readonly ok: boolean; readonly latencyMs?: number; readonly error?: string };
    readonly scheduler: { readonly ok: boolean; readonly runningJobs: number };
  };
}

export interface HealthSources {
  readonly pool: Pool;
  readonly instance: string;
  readonly startedAt: number;
  readonly scheduler: { readonly running: boolean; readonly active: number };
  readonly stopping: () => boolean;
}

const DATABASE_CHECK_TIMEOUT_MS = 2000;

export async function checkHealth(sources: HealthSources): Promise<HealthReport> {
  const database = await checkDatabase(sources.pool);
  const scheduler = { ok: sources.scheduler.running, runningJobs: sources.scheduler.active };
  const status = sources.stopping() ? 'stopping' : database.ok && scheduler.ok ? 'ok' : 'failing';
  return {
    status,
    instance: sources.instance,
    uptimeSeconds: Math.round((Date.now() - sources.startedAt) / 1000),
    checks: { database, scheduler },
  };
}

async function checkDatabase(pool: Pool): Promise<HealthReport['checks']['database']> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_CHECK_TIMEOUT_MS} ms`)), DATABASE_CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}
