import { randomBytes } from 'node:crypto';
import type { Config } from '../../config/settings.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Logger } from '../../log.js';
import { createSyncToLog } from '../../pipeline/sync-to-log.js';
import type { SyncPort } from '../../pipeline/sync-port.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { withAdvisoryLock } from '../../store/advisory-lock.js';
import type { Pool } from '../../store/pool.js';
import { getProfileVersion } from '../../store/sql/partner-profiles.js';
import { loadOdooApiKey } from '../client/odoo-api-key.js';
import { connectOdoo } from '../client/odoo-client.js';
import { startOdooSimulator } from '../simulator/server.js';
import { odooConnection, type OdooConnection } from './odoo-connection.js';
import { createOdooSyncPort } from './odoo-sync-port.js';
import type { OneAtATime } from './sync-flow.js';

// Where inbound documents go, as the configuration says: the Odoo at EDI_ODOO_URL; with none configured, a
// sandbox Odoo started in this process (the simulator with its demo data), so that a first `npm start`
// shows orders landing in an Odoo; or, with EDI_ODOO=off, only the log.

/** The secret store name of the configured Odoo's API key: odoo/main/api-key. */
const ODOO_CONNECTION = 'main';

/** The series the sandbox behaves as. */
const SANDBOX_VERSION = 18;

export interface StartedSyncPort {
  readonly port: SyncPort;
  /** The Odoo whose own work is polled and sent to partners; none with EDI_ODOO=off. */
  readonly odoo?: { readonly connection: OdooConnection; readonly key: string };
  /** Stops the sandbox, when there is one. */
  stop(): Promise<void>;
}

export interface SyncPortDeps {
  readonly config: Pick<Config, 'odoo'>;
  readonly pool: Pool;
  readonly secrets: SecretStore;
  readonly log: Logger;
}

export async function startSyncPort(deps: SyncPortDeps): Promise<StartedSyncPort> {
  const { config, log } = deps;
  const settings = config.odoo;
  const profileOf = async (partner: string) => (await getProfileVersion(deps.pool, partner))?.profile;
  const oneAtATime: OneAtATime = (key, work) => withAdvisoryLock(deps.pool, `odoo:${key}`, work);
  if (settings.sync === 'off') {
    log.info('documents are synced to the log only (EDI_ODOO=off)');
    return { port: createSyncToLog({ log }), stop: async () => undefined };
  }
  if (settings.url !== undefined) {
    const connection = configuredOdoo(deps, settings.url);
    log.info({ odoo: settings.url, database: settings.database, login: settings.login, usage: settings.usage }, `documents are synced to Odoo at ${settings.url}`);
    return { port: createOdooSyncPort({ connection, profileOf, oneAtATime, log }), odoo: { connection, key: `${new URL(settings.url).host}/${settings.database ?? ''}` }, stop: async () => undefined };
  }
  const sandbox = await startOdooSimulator({ version: SANDBOX_VERSION, demoData: true, host: '127.0.0.1', port: 0, password: randomBytes(12).toString('base64url') });
  const { database, login, password, apiKey } = sandbox.credentials;
  // The sandbox is a local toy with demo data: its password is logged so that it can be looked into.
  log.info(
    { url: sandbox.url, version: sandbox.version, database, login, password },
    `sandbox Odoo ${sandbox.version} started at ${sandbox.url} (no EDI_ODOO_URL): documents are synced to it, and it is lost when the gateway stops`,
  );
  const connection = odooConnection({ name: 'the sandbox Odoo', usage: 'test', connect: (breaker) => connectOdoo({ url: sandbox.url, database, login, apiKey, name: 'sandbox', breaker }) });
  // Each sandbox is a new database whose record ids start again, so its watermarks and intake keys are its own.
  const key = `sandbox-${new Date().toISOString()}`;
  return { port: createOdooSyncPort({ connection, profileOf, oneAtATime, log }), odoo: { connection, key }, stop: () => sandbox.stop() };
}

function configuredOdoo(deps: SyncPortDeps, url: string): OdooConnection {
  const { database, login, usage } = deps.config.odoo;
  const missing = [database === undefined ? 'EDI_ODOO_DATABASE' : undefined, login === undefined ? 'EDI_ODOO_LOGIN' : undefined].filter((name) => name !== undefined);
  if (database === undefined || login === undefined) {
    throw new GatewayError('CONFIG_INVALID', `Configuration is not valid:\n  - ${missing.join(' and ')} must be set with EDI_ODOO_URL`, { location: { setting: missing[0]! } });
  }
  const name = new URL(url).host;
  return odooConnection({
    name,
    usage: usage === 'test' ? 'test' : 'production',
    connect: async (breaker) => connectOdoo({ url, database, login, apiKey: await loadOdooApiKey(deps.pool, deps.secrets, ODOO_CONNECTION), name, breaker }),
  });
}
