import os from 'node:os';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import { advanceOutboundDocument } from '../../outbound/advance-document.js';
import { storeOutboundDocument } from '../../outbound/store-document.js';
import { documentView, type DocumentView } from '../../web/routes/documents.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';

export const sendCommand: Command = {
  name: 'send',
  summary: "Send a partner a canonical document (JSON): stored, rendered with the partner's profile and control numbers, and placed in its SFTP /outbound to wait for its acknowledgment.",
  positionals: ['PARTNER', 'FILE'],
  options: { key: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean', default: false } },
  optionHelp: {
    key: 'an idempotency key: sending again with the same key shows the document sent the first time instead of sending it twice',
    by: 'who sends it, for its history (default: the user running the command)',
    json: 'the document as JSON instead of a sentence',
  },
  async run({ args, options, loadConfig, stdout, stderr }) {
    const [partner, file] = args as [string, string];
    const bytes = await readWholeFile(file);
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new GatewayError('REQUEST_INVALID', `${file} is not JSON: ${describeError(error)}`, { location: { file } });
    }
    const { config } = loadConfig();
    const sentBy = typeof options.by === 'string' ? options.by : os.userInfo().username;
    const sent = await withStore(config, async (pool) => {
      const stored = await storeOutboundDocument(pool, { partner, json, where: file, origin: 'cli', sentBy, intakeKey: options.key as string | undefined });
      if (!stored.created) return { document: stored.document, created: false, failure: undefined };
      return { ...(await advanceOutboundDocument({ pool, actor: config.instance.name }, stored.document.id)), created: true };
    });
    const view = documentView(sent.document);
    if (options.json) stdout.write(`${JSON.stringify(view)}\n`);
    else stdout.write(`${sent.created ? '' : `Sent before under key ${String(options.key)}: `}${documentSentence(view)}\n`);
    if (sent.failure !== undefined) stderr.write(`It went no further for now (${describeError(sent.failure)}); it is stored, and a running gateway carries on with it: do not send it again.\n`);
    return view.state === 'FAILED' ? 1 : 0;
  },
};

/** Where a document stands, in one sentence. */
export function documentSentence(view: DocumentView): string {
  const what = `Document ${view.id} (${view.kind.replace('-', ' ')}${view.reference ? ` ${view.reference}` : ''}) for ${view.partner}: ${view.state}`;
  const where = view.delivery && view.deliveredAt ? `, in ${view.delivery.path}` : '';
  const due = view.state === 'AWAITING_ACK' && view.acknowledgmentDueAt ? `; its acknowledgment is due by ${view.acknowledgmentDueAt}` : '';
  const reason = view.reason ? `: ${view.reason}` : '';
  return `${what}${where}${due}${reason}.`;
}
