import fs from 'node:fs';
import path from 'node:path';
import { loadYamlProfile } from '../../../partners/load-yaml-profile.js';
import type { Command } from '../command.js';

export const partnerValidateCommand: Command = {
  name: 'partner validate',
  summary: 'Check a partner profile YAML file (with its group file and the defaults); exit 0 valid, 2 with every problem and its line.',
  positionals: ['FILE'],
  options: { groups: { type: 'string' } },
  optionHelp: { groups: 'the folder of partner group files (default: groups/ beside FILE)' },
  async run({ args, options, loadConfig, stdout }) {
    const file = args[0] as string;
    const { config } = loadConfig();
    const profile = loadYamlProfile({
      file,
      groupsDir: typeof options.groups === 'string' ? options.groups : path.join(path.dirname(file), 'groups'),
      ...(fs.existsSync(config.partners.defaultsFile) ? { defaultsFile: config.partners.defaultsFile } : {}),
    });
    const documents = profile.documents.map((entry) => `${entry.message} ${entry.direction}`).join(', ');
    stdout.write(`${file}: valid. Partner ${profile.id} (${profile.name}), ${profile.standard} ${profile.version}, ${profile.usage}; documents ${documents}.\n`);
    return 0;
  },
};
