import { createSecretStore } from '../../secrets/database-secret-store.js';
import { loadMasterKey } from '../../secrets/master-key.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

export const secretListCommand: Command = {
  name: 'secret list',
  summary: 'List the stored secrets by name, kind and expiry; never their values.',
  async run({ loadConfig, stdout }) {
    const { config } = loadConfig();
    const secrets = await withStore(config, (pool) => createSecretStore(loadMasterKey(config)).list(pool));
    if (secrets.length === 0) {
      stdout.write('No secrets stored; add one with: edi-gateway secret set NAME --kind KIND --file FILE\n');
      return 0;
    }
    stdout.write(textTable(['NAME', 'KIND', 'EXPIRES', 'UPDATED'], secrets.map((secret) => [secret.name, secret.kind, secret.expiresAt?.toISOString() ?? '', secret.updatedAt.toISOString()])));
    return 0;
  },
};
