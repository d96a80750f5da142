import fs from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { listSettings } from '../../gateway/config/settings.js';
import { errorCatalogue } from '../../gateway/errors/catalogue.js';

const readme = fs.readFileSync('README.md', 'utf8');

/** The table rows (cells without their back-quotes) of the README section under `heading`. */
function tableRows(heading: string): string[][] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const section = readme.slice(start + heading.length + 5).split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim().replace(/^`|`$/g, '')));
}

describe('README', () => {
  it('opens with exactly the two set-up commands', () => {
    const firstBlock = readme.split('```')[1] ?? '';
    const commands = firstBlock.split('\n').filter((line) => line.trim() && !line.startsWith('sh'));
    expect(commands.map((line) => line.split('#')[0]?.trim())).toEqual(['npm install && npm start', 'npm install && npm test']);
    expect(readme.startsWith('```sh\n')).toBe(true);
  });

  it('lists every setting with its variable, key, default and meaning', () => {
    const expected = listSettings().map(({ key, setting }) => [
      setting.env,
      key,
      setting.defaultShown ?? (setting.default === undefined ? '(unset)' : String(setting.default)),
      `${setting.doc} Must be ${setting.parser.expects}.`,
    ]);
    expect(tableRows('Configuration')).toEqual(expected);
  });

  it('lists every error code with its status, retry advice and meaning', () => {
    const expected = Object.entries(errorCatalogue).map(([code, definition]) => [
      code,
      String(definition.httpStatus),
      definition.retryable ? 'yes' : 'no',
      definition.summary,
    ]);
    expect(tableRows('Error codes')).toEqual(expected);
  });

  it('documents every command of the command line', async () => {
    const { commands } = await import('../../gateway/cli/commands.js');
    for (const command of commands) expect(readme).toContain(`| \`edi-gateway ${command.name}`);
  });
});
