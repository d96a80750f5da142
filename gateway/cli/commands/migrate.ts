import { createLogger } from '../../log.js';
import { migrate } from '../../store/migrate.js';
import { openStore } from '../../store/open-store.js';
import type { Command } from '../command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply database migrations that have not been applied yet (start does this too).',
  async run({ loadConfig, stdout }) {
    const { config } = loadConfig();
    const log = createLogger({ level: 'warn', instance: config.instance.name, destination: 2 });
    const store = await openStore(config, log, 'attach');
    try {
      const result = await migrate(store.pool, log);
      stdout.write(
        result.applied.length > 0
          ? `Applied ${result.applied.join(', ')} to ${store.description}.\n`
          : `Nothing to apply: all ${result.alreadyApplied} migrations are in ${store.description}.\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
