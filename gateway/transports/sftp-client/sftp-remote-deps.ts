import type { Config } from '../../config/settings.js';
import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Pool } from '../../store/pool.js';

/** What polling and pushing both need: the store, the secrets the profiles name, and the settings. */
export interface SftpRemoteDeps {
  readonly pool: Pool;
  readonly secrets: SecretStore;
  /** Who the events name: the instance. */
  readonly actor: string;
  readonly log: Logger;
  readonly settings: Config['sftpRemote'];
}
