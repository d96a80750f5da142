import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { kindWords } from '../../outbound/business-reference.js';
import { canMoveOutbound, OutboundState } from '../../pipeline/states.js';
import type { Queryable } from '../../store/pool.js';
import { getInboundSet, getOutboundContent, getSettlingAcknowledgment } from '../../store/sql/document-search.js';
import { inboundTimeline, outboundTimeline } from '../../store/sql/document-timeline.js';
import type { EventRow } from '../../store/sql/events.js';
import { getOutboundDocument, listResubmissionChain, type OutboundDocument } from '../../store/sql/outbound-documents.js';
import { Permission } from '../../users/roles.js';
import { statusText } from './acknowledgments.js';
import type { DashboardContext } from './context.js';
import { layOut, type SegmentError } from './edi-layout.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// One document, inbound or outbound, on one page: where it stands, the raw EDI laid out segment by segment with
// what is wrong marked on its segment, the envelope tree with every element named, the canonical JSON, the
// Odoo record it created or came from, and every event from its arrival to its acknowledgment.

const Params = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,18}$' }) });
const OutboundQuery = Type.Object({ resubmitted: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,18}$' })) }, { additionalProperties: false });

export function documentPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof OutboundQuery> }>(
    '/documents/outbound/:id',
    { config: { permission: Permission.VIEW }, schema: { params: Params, querystring: OutboundQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const now = context.clock();
      const document = await getOutboundDocument(context.pool, request.params.id);
      if (!document) throw new GatewayError('DOCUMENT_NOT_FOUND', `There is no outbound document ${request.params.id}.`);
      const chain = await listResubmissionChain(context.pool, document.id);
      const [content, errors, events] = await Promise.all([
        getOutboundContent(context.pool, document.id),
        acknowledgedErrors(context.pool, document),
        outboundTimeline(context.pool, chain.map((attempt) => attempt.id)),
      ]);
      const status = statusOf(document, now);
      const title = `${capitalised(kindWords(document.kind))} ${document.message ?? ''} ${document.reference ?? `#${document.id}`}`.replace(/\s+/g, ' ');
      return context.page(
        request,
        reply,
        'document',
        {
          received: false,
          notice: request.query.resubmitted ? `Sent again as document ${request.query.resubmitted}; it is rendered and delivered with new control numbers.` : null,
          facts: [
            { label: 'Partner', value: document.partner },
            { label: 'Document', value: `${kindWords(document.kind)}${document.message ? ` (${document.message})` : ''}, #${document.id}` },
            { label: 'Business reference', value: document.reference },
            { label: 'Purchase orders', value: ordersOf(document.canonical).join(', ') || null },
            { label: 'State', value: document.state },
            { label: 'Acknowledgment', value: statusText({ status, dueAt: document.dueAt }, now) },
            { label: 'Control numbers', value: [document.interchangeControlNumber, document.groupControlNumber, document.setControlNumber].filter((number) => number !== null).join(' / ') || null },
            { label: 'File', value: document.fileName },
            { label: 'Sent by', value: `${document.createdBy} (${document.origin})` },
          ],
          times: [
            { label: 'Stored', time: showTime(document.createdAt, user.timeZone) },
            { label: 'Delivered', time: showOptionalTime(document.deliveredAt, user.timeZone) },
            { label: 'Acknowledgment due', time: showOptionalTime(document.dueAt, user.timeZone) },
            { label: 'Acknowledged', time: showOptionalTime(document.acknowledgedAt, user.timeZone) },
          ],
          reason: document.reason,
          resubmittable: status !== 'pending' && canMoveOutbound(document.state, OutboundState.RESUBMITTED),
          id: document.id,
          attempts: chain.map((attempt) => ({
            id: attempt.id,
            link: `/documents/outbound/${attempt.id}`,
            current: attempt.id === document.id,
            state: attempt.state,
            controlNumber: attempt.interchangeControlNumber,
            createdBy: attempt.createdBy,
            createdAt: showTime(attempt.createdAt, user.timeZone),
          })),
          edi: content === null ? null : layOut(content.toString('latin1'), errors),
          canonical: JSON.stringify(document.canonical, null, 2),
          odoo: odooRecordOf(chain[0]?.intakeKey ?? null),
          timeline: timelineOf(events, user.timeZone),
        },
        { title, nav: 'documents' },
      );
    },
  );

  app.get<{ Params: Static<typeof Params> }>(
    '/documents/inbound/:id',
    { config: { permission: Permission.VIEW }, schema: { params: Params } },
    async (request, reply) => {
      const user = signedIn(request);
      const set = await getInboundSet(context.pool, request.params.id);
      if (!set) throw new GatewayError('DOCUMENT_NOT_FOUND', `There is no received transaction set ${request.params.id}.`);
      const events = await inboundTimeline(context.pool, { fileId: set.fileId, setId: set.id, documentId: set.documentId });
      const errors: SegmentError[] = set.diagnostics.map((diagnostic) => {
        const location = (diagnostic['location'] ?? {}) as { offset?: number; segment?: string; element?: number };
        const element = location.segment && location.element ? `${location.segment}${String(location.element).padStart(2, '0')}: ` : '';
        return {
          ...(typeof location.offset === 'number' ? { offset: location.offset - set.interchangeStart } : {}),
          text: `${element}${String(diagnostic['message'] ?? '')} (${String(diagnostic['codeList'] ?? '')} ${String(diagnostic['code'] ?? '')}, ${String(diagnostic['severity'] ?? '')})`,
        };
      });
      return context.page(
        request,
        reply,
        'document',
        {
          received: true,
          facts: [
            { label: 'Partner', value: set.partner },
            { label: 'Document', value: `${set.message} (${set.standard}), set #${set.id}` },
            { label: 'Business reference', value: set.reference },
            { label: 'Purchase orders', value: set.canonical ? ordersOf(set.canonical).join(', ') || null : null },
            { label: 'State', value: set.documentState ? `${set.state}, document ${set.documentState}` : set.state },
            { label: 'Control numbers', value: [set.interchangeControlNumber, set.groupControlNumber, set.setControlNumber].filter((number) => number !== null).join(' / ') },
            { label: 'File', value: `${set.fileName} (#${set.fileId})` },
          ],
          times: [{ label: 'Received', time: showTime(set.receivedAt, user.timeZone) }],
          edi: layOut(set.interchange.toString('latin1'), errors),
          canonical: set.canonical ? JSON.stringify(set.canonical, null, 2) : null,
          odoo: set.syncReference ? { label: 'Created in Odoo', record: set.syncReference } : null,
          timeline: timelineOf(events, user.timeZone),
        },
        { title: `${set.message} ${set.reference ?? `set ${set.setControlNumber}`} from ${set.partner}`, nav: 'documents' },
      );
    },
  );
}

function statusOf(document: OutboundDocument, now: Date) {
  switch (document.state) {
    case 'AWAITING_ACK':
      return document.dueAt !== null && document.dueAt <= now ? 'overdue' : 'pending';
    case 'OVERDUE':
      return 'overdue';
    case 'ACCEPTED':
      return 'accepted';
    case 'ACCEPTED_WITH_ERRORS':
      return 'accepted-with-errors';
    case 'REJECTED':
      return 'rejected';
    case 'RESUBMITTED':
      return 'resubmitted';
    default:
      return null;
  }
}

/** The errors the partner's acknowledgment names in our set, placed on their segments. */
async function acknowledgedErrors(db: Queryable, document: OutboundDocument): Promise<SegmentError[]> {
  if (document.acknowledgmentId === null) return [];
  const acknowledgment = await getSettlingAcknowledgment(db, document.acknowledgmentId);
  const sets = (acknowledgment?.functionalAck?.['sets'] ?? []) as { setControlNumber?: string; errors?: Record<string, unknown>[] }[];
  return sets.flatMap((set) =>
    (set.errors ?? []).map((error) => {
      const element = typeof error['element'] === 'number' && typeof error['segment'] === 'string' ? `${error['segment']}${String(error['element']).padStart(2, '0')}: ` : '';
      return {
        setControlNumber: set.setControlNumber ?? null,
        ...(typeof error['segmentPosition'] === 'number' ? { position: error['segmentPosition'] } : {}),
        text: `${element}${String(error['reason'] ?? '')} (${acknowledgment?.kind ?? ''} code ${String(error['code'] ?? '')})`,
      };
    }),
  );
}

/** The purchase orders a canonical document carries: a ship notice's orders, an invoice's order, a status's orders. */
function ordersOf(canonical: Record<string, unknown>): string[] {
  const orders = Array.isArray(canonical['orders']) ? (canonical['orders'] as { orderNumber?: unknown }[]).map((order) => order.orderNumber) : [];
  const numbers = Array.isArray(canonical['orderNumbers']) ? (canonical['orderNumbers'] as unknown[]) : [];
  return [...new Set([...orders, ...numbers, canonical['kind'] === 'order' ? undefined : canonical['orderNumber']].filter((number): number is string => typeof number === 'string'))];
}

/** The Odoo record a document from the Odoo poller came from, from the intake key the poller gives it (odoo:CONNECTION:MODEL:ID:...). */
function odooRecordOf(intakeKey: string | null): { readonly label: string; readonly record: string } | null {
  if (intakeKey === null || !intakeKey.startsWith('odoo:')) return null;
  const parts = intakeKey.split(':');
  const at = parts.findIndex((part, index) => /^[a-z_]+(\.[a-z_]+)+$/.test(part) && /^\d+$/.test(parts[index + 1] ?? ''));
  return at < 0 ? null : { label: 'Sent from Odoo', record: `${parts[at]} ${parts[at + 1]}` };
}

function timelineOf(events: readonly EventRow[], timeZone: string) {
  return events.map((event) => ({
    at: showTime(event.at, timeZone),
    type: event.type,
    actor: event.actor,
    subject: `${event.entity} ${event.entityId}`,
    details: Object.entries(event.details).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) })),
  }));
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
