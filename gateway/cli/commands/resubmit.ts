import os from 'node:os';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import { advanceOutboundDocument } from '../../outbound/advance-document.js';
import { resubmitDocument } from '../../outbound/resubmit-document.js';
import { documentView } from '../../web/routes/documents.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';
import { documentSentence } from './send.js';

export const resubmitCommand: Command = {
  name: 'resubmit',
  summary: 'Send a document again as a new one (same canonical document, new control numbers), linked to it and recorded with who and why.',
  positionals: ['DOCUMENT'],
  options: { reason: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean', default: false } },
  optionHelp: {
    reason: 'why it is sent again, for its history (required)',
    by: 'who resubmits it (default: the user running the command)',
    json: 'the new document as JSON instead of a sentence',
  },
  async run({ args, options, loadConfig, stdout, stderr }) {
    const id = args[0] as string;
    if (typeof options.reason !== 'string' || options.reason.trim() === '') throw new GatewayError('REQUEST_INVALID', '--reason is required: say why the document is sent again.');
    const { config } = loadConfig();
    const actor = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const sent = await withStore(config, async (pool) => {
      const resubmission = await resubmitDocument(pool, id, { actor, reason: options.reason as string });
      return advanceOutboundDocument({ pool, actor: config.instance.name }, resubmission.id);
    });
    const view = documentView(sent.document);
    if (options.json) stdout.write(`${JSON.stringify(view)}\n`);
    else stdout.write(`Document ${id} resubmitted. ${documentSentence(view)}\n`);
    if (sent.failure !== undefined) stderr.write(`It went no further for now (${describeError(sent.failure)}); it is stored, and a running gateway carries on with it.\n`);
    return view.state === 'FAILED' ? 1 : 0;
  },
};
