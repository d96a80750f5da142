import { documentDetail } from '../../web/routes/documents.js';
import type { Command } from '../command.js';
import { withStore } from '../with-store.js';
import { documentSentence } from './send.js';

export const documentsShowCommand: Command = {
  name: 'documents show',
  summary: 'Show a document sent to a partner: where it stands, its history, its resubmissions and the acknowledgments that answered it.',
  positionals: ['DOCUMENT'],
  options: { json: { type: 'boolean', default: false } },
  optionHelp: { json: 'everything as one JSON object, the canonical document included' },
  async run({ args, options, loadConfig, stdout }) {
    const detail = await withStore(loadConfig().config, (pool) => documentDetail(pool, args[0] as string));
    if (options.json) {
      stdout.write(`${JSON.stringify(detail)}\n`);
      return 0;
    }
    const lines = [documentSentence(detail.document), '', 'History:'];
    for (const event of detail.history) lines.push(`  ${event.at}  ${event.type}  by ${event.actor}${describe(event.details)}`);
    if (detail.resubmissions.length > 1) {
      lines.push('', 'Resubmissions (oldest first):');
      for (const linked of detail.resubmissions) lines.push(`  ${linked.id === detail.document.id ? '*' : ' '} document ${linked.id}  ${linked.state}  interchange ${linked.controlNumbers?.interchange ?? '-'}`);
    }
    if (detail.acknowledgments.length > 0) {
      lines.push('', 'Acknowledgments:');
      for (const ack of detail.acknowledgments) lines.push(`  ${ack.kind} in interchange ${ack.controlNumber} (file ${ack.fileId}): ${ack.outcome}`);
    }
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** The details an event carries that say why: a reason, where it went. */
function describe(details: Record<string, unknown>): string {
  const said = ['reason', 'path', 'state', 'as', 'resubmissionOf'].filter((key) => details[key] !== undefined && details[key] !== null).map((key) => `${key}: ${String(details[key])}`);
  return said.length > 0 ? ` (${said.join('; ')})` : '';
}
