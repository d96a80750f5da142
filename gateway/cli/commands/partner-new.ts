import os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { GatewayError } from '../../errors/gateway-error.js';
import { newPartnerProfile, saveNewPartner } from '../../partners/new-partner.js';
import { readTemplate, type ProfileTemplate } from '../../../partners/profile-template.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';

export const partnerNewCommand: Command = {
  name: 'partner new',
  summary: 'Create a partner from an onboarding template (in test usage); asks for missing values in a terminal.',
  options: {
    template: { type: 'string' },
    set: { type: 'string', multiple: true },
    by: { type: 'string' },
  },
  optionHelp: {
    template: 'the template: retailer-x12-4010, retailer-x12-5010, retailer-edifact-d96a, carrier-x12-214, supplier-x12-4010',
    set: 'a variable of the template, as key=value; repeat for each',
    by: 'who is making the change, for the profile history (default: the user running the command)',
  },
  async run({ options, loadConfig, stdout }) {
    if (typeof options.template !== 'string') throw new GatewayError('REQUEST_INVALID', '--template is missing; give one of the templates listed by --help.');
    const template = templateNamed(options.template);
    const values = await withPrompts(template, assignments(options.set));
    const { config } = loadConfig();
    const profile = newPartnerProfile({ template, values, defaultsFile: config.partners.defaultsFile });
    const changedBy = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const saved = await withStore(config, (pool) => saveNewPartner(pool, { profile, template, changedBy }));
    stdout.write(`Partner ${saved.partner} created (version ${saved.version}, usage ${saved.profile.usage}) from template ${template.name}.\n`);
    return 0;
  },
};

function templateNamed(name: string): ProfileTemplate {
  try {
    return readTemplate(name);
  } catch (error) {
    if (error instanceof RangeError) throw new GatewayError('REQUEST_INVALID', error.message);
    throw error;
  }
}

/** --set key=value, repeated; a key given twice is a mistake, not a choice of the last. */
function assignments(set: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const assignment of Array.isArray(set) ? (set as string[]) : []) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) throw new GatewayError('REQUEST_INVALID', `--set must be key=value, got "${assignment}"`);
    const key = assignment.slice(0, equals);
    if (Object.hasOwn(values, key)) throw new GatewayError('REQUEST_INVALID', `--set gives ${key} twice`);
    values[key] = assignment.slice(equals + 1);
  }
  return values;
}

/** In a terminal, each variable without a value or default is asked for, with what it means. */
async function withPrompts(template: ProfileTemplate, values: Record<string, string>): Promise<Record<string, string>> {
  const missing = template.variables.filter((variable) => values[variable.name] === undefined && variable.default === undefined);
  if (missing.length === 0 || !process.stdin.isTTY || !process.stdout.isTTY) return values;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const asked = { ...values };
    for (const variable of missing) {
      const answer = (await terminal.question(`${variable.name}: ${variable.description} (for example ${variable.example})\n> `)).trim();
      if (answer !== '') asked[variable.name] = answer;
    }
    return asked;
  } finally {
    terminal.close();
  }
}
