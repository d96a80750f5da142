import type { Config } from '../config/settings.js';
import { createLogger } from '../log.js';
import { migrate } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import type { Pool } from '../store/pool.js';

/**
 * Runs a command's work on the gateway's database: the running gateway's embedded server when there is one
 * (or the external DATABASE_URL), migrated, closed afterwards whatever happens. Warnings go to standard
 * error, so standard output holds only what the command prints.
 */
export async function withStore<T>(config: Config, work: (pool: Pool) => Promise<T>): Promise<T> {
  const log = createLogger({ level: 'warn', instance: config.instance.name, destination: 2 });
  const store = await openStore(config, log, 'attach');
  try {
    await migrate(store.pool, log);
    return await work(store.pool);
  } finally {
    await store.close();
  }
}
