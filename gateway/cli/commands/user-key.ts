import os from 'node:os';
import { GatewayError } from '../../errors/gateway-error.js';
import { listApiKeys } from '../../store/sql/api-keys.js';
import { makeApiKey, revokeKey } from '../../users/api-keys.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

// API keys for programs calling the HTTP API, each held by a user and acting with the user's role.

const by = { by: { type: 'string' } } as const;
const byHelp = { by: 'who does it, for the event (default: the user running the command)' };

function actorOf(options: Record<string, unknown>): string {
  return typeof options.by === 'string' ? options.by : os.userInfo().username;
}

export const userKeyAddCommand: Command = {
  name: 'user key add',
  summary: "Make an API key for a user (the HTTP API's Authorization: Bearer KEY), acting with the user's role; printed once.",
  positionals: ['USERNAME'],
  options: { name: { type: 'string' }, ...by },
  optionHelp: { name: 'what uses the key, to tell keys apart in lists (required)', ...byHelp },
  async run({ args, options, loadConfig, stdout }) {
    if (typeof options.name !== 'string') throw new GatewayError('REQUEST_INVALID', '--name is missing: say what uses the key, e.g. --name odoo-bridge.');
    const made = await withStore(loadConfig().config, (pool) => makeApiKey(pool, { username: args[0] as string, name: options.name as string, actor: actorOf(options) }));
    stdout.write(`API key ${made.record.id} ("${made.record.name}") made for ${made.record.username}. The key, shown only this once:\n${made.key}\n`);
    return 0;
  },
};

export const userKeyListCommand: Command = {
  name: 'user key list',
  summary: 'List the API keys (never the keys themselves): id, user, name, made, last used, revoked.',
  options: { user: { type: 'string' }, json: { type: 'boolean', default: false } },
  optionHelp: { user: "only this user's keys", json: 'one JSON object per line instead of a table' },
  async run({ options, loadConfig, stdout }) {
    const keys = await withStore(loadConfig().config, (pool) => listApiKeys(pool, options.user as string | undefined));
    if (options.json) {
      for (const key of keys) stdout.write(`${JSON.stringify(key)}\n`);
      return 0;
    }
    if (keys.length === 0) {
      stdout.write('No API keys yet; make one with: edi-gateway user key add <username> --name <what uses it>\n');
      return 0;
    }
    const when = (date: Date | null) => date?.toISOString() ?? '-';
    const rows = keys.map((key) => [key.id, key.username, key.name, key.createdBy, when(key.createdAt), when(key.lastUsedAt), when(key.revokedAt)]);
    stdout.write(textTable(['ID', 'USER', 'NAME', 'MADE BY', 'MADE', 'LAST USED', 'REVOKED'], rows));
    return 0;
  },
};

export const userKeyRevokeCommand: Command = {
  name: 'user key revoke',
  summary: 'Revoke an API key by its id: requests carrying it are refused from now on.',
  positionals: ['KEY-ID'],
  options: by,
  optionHelp: byHelp,
  async run({ args, options, loadConfig, stdout }) {
    const revoked = await withStore(loadConfig().config, (pool) => revokeKey(pool, { id: args[0] as string, actor: actorOf(options) }));
    stdout.write(`API key ${revoked.id} ("${revoked.name}") of ${revoked.username} revoked.\n`);
    return 0;
  },
};
