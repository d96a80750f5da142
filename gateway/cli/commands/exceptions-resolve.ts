import os from 'node:os';
import { GatewayError } from '../../errors/gateway-error.js';
import { ExceptionAction } from '../../exceptions/exception.js';
import { resolveException } from '../../exceptions/resolve-exception.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';

const actions = Object.values(ExceptionAction);

export const exceptionsResolveCommand: Command = {
  name: 'exceptions resolve',
  summary: 'Resolve an open exception with one of its actions (RETRY runs the failed step again, DISMISS closes it with a reason), recorded with who and why.',
  positionals: ['ID'],
  options: { action: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' } },
  optionHelp: {
    action: `what to do: one of the exception's actions (${actions.join(', ')})`,
    reason: 'why (required to DISMISS)',
    by: 'who resolves it, for the record (default: the user running the command)',
  },
  async run({ args, options, loadConfig, stdout }) {
    const id = args[0] as string;
    const action = options.action as string | undefined;
    if (action === undefined || !(actions as readonly string[]).includes(action)) {
      throw new GatewayError('REQUEST_INVALID', `--action must be one of ${actions.join(', ')}, got ${action === undefined ? 'nothing' : `"${action}"`}`);
    }
    const actor = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const resolution = { action: action as ExceptionAction, reason: options.reason as string | undefined, actor };
    const resolved = await withStore(loadConfig().config, (pool) => resolveException({ pool }, id, resolution));
    const next = resolved.next === 'none' ? '' : ' The gateway takes it up again on its next sweep (EDI_SWEEP_INTERVAL_MS).';
    stdout.write(`Exception ${id} resolved: ${resolved.exception.resolution} (by ${actor}).${next}\n`);
    return 0;
  },
};
