import type { FastifyInstance } from 'fastify';
import type { Config } from '../../gateway/config/settings.js';
import { checkHealth } from '../../gateway/health.js';
import { createMetrics } from '../../gateway/metrics.js';
import type { Pool } from '../../gateway/store/pool.js';
import { buildApp, type AppDeps } from '../../gateway/web/app.js';
import { silentLog } from './test-database.js';

// The HTTP app as the gateway builds it, on a test database and without listening: a healthy scheduler,
// the test defaults file, and, when asked, the dashboard with settings no test waits on. A test gives only
// what it is about.

export const TEST_DEFAULTS = 'test/fixtures/partners/defaults.yaml';

export const TEST_DASHBOARD_SETTINGS: Config['dashboard'] = {
  sessionIdleMs: 1_800_000,
  sessionMaxMs: 43_200_000,
  secureCookie: 'auto',
  maxSignInFailures: 5,
  signInWindowMs: 900_000,
};

type DashboardDeps = NonNullable<AppDeps['dashboard']>;

export function buildTestApp(pool: Pool, options: Omit<Partial<AppDeps>, 'pool' | 'dashboard'> & { dashboard?: Partial<DashboardDeps> } = {}): Promise<FastifyInstance> {
  const { dashboard, ...rest } = options;
  return buildApp({
    pool,
    log: silentLog,
    metrics: createMetrics(pool),
    health: () => checkHealth({ pool, instance: 'test', startedAt: Date.now(), scheduler: { running: true, active: 0 }, stopping: () => false }),
    partners: { defaultsFile: TEST_DEFAULTS },
    ...rest,
    ...(dashboard === undefined ? {} : { dashboard: { settings: TEST_DASHBOARD_SETTINGS, stuckAfterMs: 300_000, maxFileBytes: 1_000_000, ...dashboard } }),
  });
}
