import type { Config } from '../config/settings.js';
import { GatewayError, describeError } from '../errors/gateway-error.js';
import type { Logger } from '../log.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { createPool, type Pool } from './pool.js';

export interface Store {
  readonly pool: Pool;
  /** Opens another pool on the same database, for work that must not queue behind the first's; closed with the store. */
  openPool(options: { readonly name: string; readonly max: number; readonly connectTimeoutMs: number }): Pool;
  /** Which database this is, for logs and events (never the password). */
  readonly description: string;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * The database: the server named by DATABASE_URL, or the embedded one (started here, or, in 'attach'
 * mode, the one a running gateway already started on the same data folder).
 */
export async function openStore(config: Config, log: Logger, mode: 'own' | 'attach'): Promise<Store> {
  const external = config.database.url;
  const embedded = external
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.database.embeddedDataDir, port: config.database.embeddedPort, log, mode });
  const url = external ?? (embedded?.url as string);
  const description = embedded
    ? `embedded PostgreSQL on 127.0.0.1:${embedded.port} (${embedded.dataDir})`
    : `PostgreSQL at ${redact(url)}`;
  const pool = createPool({ url, max: config.database.poolMax, applicationName: `edi-gateway ${config.instance.name}`, log });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    await embedded?.stop();
    throw new GatewayError('DB_UNAVAILABLE', `Cannot connect to ${description}: ${describeError(error)}`, {
      location: { setting: external ? 'DATABASE_URL' : 'EDI_PG_DATA_DIR' },
      cause: error,
    });
  }
  const others: Pool[] = [];
  return {
    pool,
    description,
    openPool({ name, max, connectTimeoutMs }) {
      const other = createPool({ url, max, applicationName: `edi-gateway ${config.instance.name} ${name}`, log, connectTimeoutMs });
      others.push(other);
      return other;
    },
    async close() {
      for (const each of [...others, pool]) await each.end().catch((error: unknown) => log.warn({ err: error }, 'closing a database pool failed'));
      await embedded?.stop();
    },
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
