import { listSettings } from '../../config/settings.js';
import type { Command } from '../command.js';

export const configCommand: Command = {
  name: 'config',
  summary: 'Check the configuration and show every setting with its value and where it came from.',
  async run({ loadConfig, stdout }) {
    const { config, sources, configFile } = loadConfig();
    if (configFile) stdout.write(`config file: ${configFile}\n`);
    for (const { key, setting } of listSettings()) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], config);
      const shown = value === undefined ? '(unset)' : setting.secret ? '(set)' : String(value);
      stdout.write(`${setting.env.padEnd(26)} ${shown.padEnd(40)} ${sources[key]}\n`);
    }
    return 0;
  },
};
