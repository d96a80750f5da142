import os from 'node:os';
import type { Config } from '../../config/settings.js';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import { advanceOutboundDocument } from '../../outbound/advance-document.js';
import { resubmitDocument } from '../../outbound/resubmit-document.js';
import { resubmitDocuments, resubmitStatuses, type ResubmitFilter, type ResubmitStatus } from '../../outbound/resubmit-documents.js';
import { documentView } from '../../web/routes/documents.js';
import { chooseForm, parseWhen, progressWriter } from '../bulk-options.js';
import type { Command, CommandContext } from '../command.js';
import { withStore } from '../with-store.js';
import { documentSentence } from './send.js';

const FILTER = ['partner', 'status', 'since', 'until'];
const statuses = Object.keys(resubmitStatuses) as ResubmitStatus[];

export const resubmitCommand: Command = {
  name: 'resubmit',
  summary: 'Send a document again as a new one (same canonical document, new control numbers), linked to it and recorded with who and why; or every document a filter chooses.',
  positionals: ['[DOCUMENT]'],
  options: {
    reason: { type: 'string' },
    by: { type: 'string' },
    partner: { type: 'string' },
    status: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    reason: 'why it is sent again, for its history (required)',
    by: 'who resubmits it (default: the user running the command)',
    partner: 'bulk: the partner whose documents are sent again',
    status: `bulk: which documents (${statuses.join(' or ')})`,
    since: 'bulk: sent on or after this day or date-time',
    until: 'bulk: sent before this day or date-time (default: now)',
    json: 'the new document(s) as JSON instead of sentences',
  },
  async run(context) {
    const { args, options, loadConfig } = context;
    const form = chooseForm(args[0], options, FILTER, ['partner', 'status', 'since']);
    if (typeof options.reason !== 'string' || options.reason.trim() === '') throw new GatewayError('REQUEST_INVALID', `--reason is required: say why the ${form === 'one' ? 'document is' : 'documents are'} sent again.`);
    const { config } = loadConfig();
    const actor = typeof options.by === 'string' ? options.by : os.userInfo().username;
    return form === 'one' ? resubmitOne(context, config, args[0] as string, actor) : resubmitMany(context, config, actor);
  },
};

async function resubmitOne({ options, stdout, stderr }: CommandContext, config: Config, id: string, actor: string): Promise<number> {
  const sent = await withStore(config, async (pool) => {
    const resubmission = await resubmitDocument(pool, id, { actor, reason: options.reason as string });
    return advanceOutboundDocument({ pool, actor: config.instance.name }, resubmission.id);
  });
  const view = documentView(sent.document);
  if (options.json) stdout.write(`${JSON.stringify(view)}\n`);
  else stdout.write(`Document ${id} resubmitted. ${documentSentence(view)}\n`);
  if (sent.failure !== undefined) stderr.write(`It went no further for now (${describeError(sent.failure)}); it is stored, and a running gateway carries on with it.\n`);
  return view.state === 'FAILED' ? 1 : 0;
}

async function resubmitMany({ options, stdout, stderr }: CommandContext, config: Config, actor: string): Promise<number> {
  const status = options.status as string;
  if (!(statuses as string[]).includes(status)) throw new GatewayError('REQUEST_INVALID', `--status must be one of ${statuses.join(', ')}, got "${status}".`);
  const filter: ResubmitFilter = { partner: options.partner as string, status: status as ResubmitStatus, since: parseWhen(options.since, 'since'), until: parseWhen(options.until, 'until', new Date()) };
  const reason = options.reason as string;
  const window = `partner ${filter.partner}, ${filter.status}, sent from ${filter.since.toISOString()} until ${filter.until.toISOString()}`;
  stderr.write(`Resubmitting the documents of ${window}, as ${actor}: ${reason}\n`);
  const done = await withStore(config, (pool) =>
    resubmitDocuments({ pool, instance: config.instance.name }, filter, { actor, reason }, progressWriter(stderr, 'document', ({ document }) => `sent again as document ${document.id}, ${document.state}`)),
  );
  if (options.json) {
    const resubmissions = done.resubmissions.map(({ original, document }) => ({ original, document: documentView(document) }));
    stdout.write(`${JSON.stringify({ selected: done.selected.length, resubmitted: done.resubmissions.length, failed: done.failures.length, resubmissions, failures: done.failures })}\n`);
  } else {
    const failed = done.failures.length === 0 ? '' : `; ${done.failures.length} failed: ${done.failures.map((failure) => `document ${failure.id} (${failure.code})`).join(', ')}`;
    stdout.write(`Resubmitted ${done.resubmissions.length} of ${done.selected.length} documents (${window})${failed}.\n`);
  }
  return done.failures.length === 0 ? 0 : 1;
}
