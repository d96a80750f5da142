import { GatewayError } from '../../errors/gateway-error.js';
import { isOutboundState, outboundStates } from '../../pipeline/states.js';
import { listOutboundDocuments } from '../../store/sql/outbound-documents.js';
import { DOCUMENTS_PAGE_MAX, documentView } from '../../web/routes/documents.js';
import type { Command } from '../command.js';
import { textTable } from '../text-table.js';
import { withStore } from '../with-store.js';

export const documentsListCommand: Command = {
  name: 'documents list',
  summary: 'List the documents sent to partners, newest first, with their state: awaiting acknowledgment, accepted, rejected (why), overdue, resubmitted.',
  options: {
    partner: { type: 'string' },
    state: { type: 'string' },
    reference: { type: 'string' },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
  optionHelp: {
    partner: 'only this partner',
    state: `only documents in this state (${outboundStates.join(', ')})`,
    reference: 'only documents with this business reference (order, shipment or invoice number)',
    limit: `how many (default 20, at most ${DOCUMENTS_PAGE_MAX})`,
    json: 'one JSON object per line instead of a table',
  },
  async run({ options, loadConfig, stdout }) {
    const state = options.state as string | undefined;
    if (state !== undefined && !isOutboundState(state)) throw new GatewayError('REQUEST_INVALID', `--state must be one of ${outboundStates.join(', ')}, got "${state}"`);
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > DOCUMENTS_PAGE_MAX) {
      throw new GatewayError('REQUEST_INVALID', `--limit must be a whole number from 1 to ${DOCUMENTS_PAGE_MAX}, got "${options.limit}"`);
    }
    const filter = { partner: options.partner as string | undefined, state, reference: options.reference as string | undefined, limit };
    const documents = (await withStore(loadConfig().config, (pool) => listOutboundDocuments(pool, filter))).map(documentView);
    if (options.json) {
      for (const document of documents) stdout.write(`${JSON.stringify(document)}\n`);
    } else if (documents.length === 0) {
      stdout.write('No documents sent.\n');
    } else {
      const rows = documents.map((document) => [
        document.id,
        document.createdAt,
        document.partner,
        document.kind,
        document.reference ?? '',
        document.controlNumbers?.interchange ?? '',
        document.state,
        document.reason ?? (document.state === 'AWAITING_ACK' ? `due by ${document.acknowledgmentDueAt ?? ''}` : document.resubmissionOf ? `resubmits ${document.resubmissionOf}` : ''),
      ]);
      stdout.write(textTable(['ID', 'STORED', 'PARTNER', 'KIND', 'REFERENCE', 'INTERCHANGE', 'STATE', 'DETAIL'], rows));
    }
    return 0;
  },
};
