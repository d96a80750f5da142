import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { AccessRights, DEFAULT_ACCESS, type AccessRules } from './access-rights.js';
import { Authenticator, type LoginCooldown } from './auth.js';
import { createBackOffice, type SimulatorData, type SimulatorUserActions } from './back-office.js';
import { newEnv, type SimulatorCore } from './core.js';
import { Faults, type DownMode, type FaultControl } from './faults.js';
import { sendHtmlError } from './http-replies.js';
import { registerJson2 } from './json-2.js';
import { registerJsonRpc } from './json-rpc.js';
import { MODEL_SPECS } from './models/index.js';
import type { Access } from './orm/model-spec.js';
import { Database } from './orm/database.js';
import { buildRegistry } from './orm/registry.js';
import { seedBaseData, seedDemoData } from './seed.js';
import { versionPayload, type OdooEdition, type OdooVersion } from './versions.js';

export interface OdooSimulatorOptions {
  /** The series to behave as (default 17). */
  readonly version?: OdooVersion;
  readonly edition?: OdooEdition;
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly database?: string;
  /** The integration user's login, password and API key (the key is random unless given). */
  readonly login?: string;
  readonly password?: string;
  readonly apiKey?: string;
  /** The demo customer, vendor, products, stock and carrier (default true); base data is always there. */
  readonly demoData?: boolean;
  /** Operations the integration user may not do, per model; ir.model.data write/unlink are refused unless overridden. */
  readonly access?: AccessRules;
  /** Odoo's login throttle (default 5 failures, 60 s); false to switch it off. */
  readonly loginCooldown?: LoginCooldown | false;
  /** The server's clock (UTC); write_date and create_date come from it. */
  readonly clock?: () => Date;
}

export interface OdooCredentials {
  readonly database: string;
  readonly login: string;
  readonly password: string;
  readonly apiKey: string;
  readonly uid: number;
}

export interface OdooSimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly version: OdooVersion;
  readonly credentials: OdooCredentials;
  readonly faults: FaultControl;
  readonly data: SimulatorData;
  readonly user: SimulatorUserActions;
  /** Changes what the integration user may do on a model while the simulator runs. */
  setAccess(model: string, operations: Partial<Record<Access, boolean>>): void;
  addApiKey(key: string): void;
  revokeApiKey(key: string): void;
  stop(): Promise<void>;
}

function buildApp(core: SimulatorCore): FastifyInstance {
  // Stopping closes every connection, those a slow fault still holds included: close() would wait for them.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.removeAllContentTypeParsers();
  // Bodies are parsed by each transport, so that it answers malformed ones the way Odoo does.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (_request, reply) => {
    if (core.faults.unavailable) return sendHtmlError(reply, 503, 'Service Unavailable', 'No server is available to handle this request.');
    return undefined;
  });
  // The delay comes once the request has been read, as a slow Odoo worker's would: a caller that gives up
  // meanwhile does not stop the call from running and committing.
  app.addHook('preHandler', async () => {
    if (core.faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, core.faults.delayMs));
  });
  registerJsonRpc(app, core);
  if (core.version >= 19) {
    registerJson2(app, core);
    app.get('/web/version', async () => {
      const payload = versionPayload(core.version, core.edition);
      return { version: payload.server_version, version_info: payload.server_version_info };
    });
  }
  app.setNotFoundHandler((_request, reply) => sendHtmlError(reply, 404, 'Not Found', 'The requested URL was not found on the server.'));
  return app;
}

/** Starts an in-memory Odoo that answers over a real socket. */
export async function startOdooSimulator(options: OdooSimulatorOptions = {}): Promise<OdooSimulator> {
  const version = options.version ?? 17;
  const database = options.database ?? 'odoo';
  const login = options.login ?? 'admin';
  const password = options.password ?? 'admin';
  const apiKey = options.apiKey ?? randomBytes(20).toString('hex');
  const clock = options.clock ?? (() => new Date());
  const db = new Database();
  const registry = buildRegistry(MODEL_SPECS, version);
  const faults = new Faults();
  const seedEnv = newEnv({ db, registry, version, clock }, 1, {}, true);
  const { integrationUid } = db.transaction(() => {
    const ids = seedBaseData(seedEnv, login);
    if (options.demoData ?? true) seedDemoData(seedEnv);
    return ids;
  });
  const auth = new Authenticator(database, { uid: integrationUid, login, password, apiKey }, options.loginCooldown ?? { after: 5, seconds: 60 }, () => clock().getTime());
  const access = new AccessRights({ ...DEFAULT_ACCESS, ...options.access });
  const core: SimulatorCore = { db, registry, version, edition: options.edition ?? 'community', faults, clock, auth, access };
  const app = buildApp(core);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  let listening = true;

  const closeSocket = () =>
    new Promise<void>((resolve) => {
      app.server.close(() => resolve());
      app.server.closeAllConnections();
    });
  const openSocket = () =>
    new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen({ host, port }, () => {
        app.server.off('error', reject);
        resolve();
      });
    });
  const faultControl: FaultControl = {
    down: async (mode: DownMode = 'refused') => {
      if (mode === 'unavailable') {
        faults.unavailable = true;
        return;
      }
      if (listening) {
        listening = false;
        await closeSocket();
      }
    },
    up: async () => {
      faults.unavailable = false;
      if (!listening) {
        await openSocket();
        listening = true;
      }
    },
    slow: (delayMs) => {
      faults.delayMs = delayMs;
    },
    dropResponseAfterCommit: (dropOptions = {}) => faults.armDrop(dropOptions),
    serializationFailure: (failureOptions = {}) => faults.armSerialization(failureOptions),
    clear: async () => {
      faults.reset();
      await faultControl.up();
    },
    stats: () => faults.stats(),
  };

  const { data, user } = createBackOffice(core, integrationUid);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    version,
    credentials: { database, login, password, apiKey, uid: integrationUid },
    faults: faultControl,
    data,
    user,
    setAccess: (model, operations) => access.set(model, operations),
    addApiKey: (key) => auth.addApiKey(key),
    revokeApiKey: (key) => auth.revokeApiKey(key),
    stop: async () => {
      faults.reset();
      await app.close();
    },
  };
}
