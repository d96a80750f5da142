import type { AccessRights } from './access-rights.js';
import type { Authenticator } from './auth.js';
import type { Faults } from './faults.js';
import type { Database } from './orm/database.js';
import { Env } from './orm/env.js';
import type { Context } from './orm/model-spec.js';
import type { Registry } from './orm/registry.js';
import { formatDatetime } from './orm/values.js';
import type { OdooEdition, OdooVersion } from './versions.js';

/** Everything a running simulator holds; the transports and the back office share it. */
export interface SimulatorCore {
  readonly db: Database;
  readonly registry: Registry;
  readonly version: OdooVersion;
  readonly edition: OdooEdition;
  readonly auth: Authenticator;
  readonly access: AccessRights;
  readonly faults: Faults;
  readonly clock: () => Date;
}

export function newEnv(core: Pick<SimulatorCore, 'db' | 'registry' | 'version' | 'clock'>, uid: number, context: Context, su: boolean): Env {
  return new Env({ db: core.db, registry: core.registry, version: core.version, uid, context, now: formatDatetime(core.clock()), su });
}
