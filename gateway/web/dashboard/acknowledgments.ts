import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { kindWords } from '../../outbound/business-reference.js';
import { canMoveOutbound, OutboundState } from '../../pipeline/states.js';
import { acknowledgmentStatuses, searchAcknowledgments, type AcknowledgmentRow, type AcknowledgmentSearch, type AcknowledgmentStatus } from '../../store/sql/acknowledgment-search.js';
import type { OutboundKind } from '../../store/sql/outbound-documents.js';
import { listProfiles } from '../../store/sql/partner-profiles.js';
import { Permission } from '../../users/roles.js';
import { acknowledgmentsCsv } from './acknowledgments-csv.js';
import type { DashboardContext } from './context.js';
import { dayFilter, filled, linkTo, pageOf, PAGE_SIZE } from './list-links.js';
import { signedIn } from './session-guard.js';
import { durationText, showOptionalTime, showTime } from './time.js';

// Every document we sent with the acknowledgment it expects from the partner: pending (due in ...), accepted,
// accepted with errors, rejected (why, down to the segment and element), overdue; filtered and paged in SQL,
// exported as CSV with the same filters, and resubmitted from here by those whose role may.

const optional = (schema: object) => Type.Optional(Type.Unsafe<string>(schema));

const outboundKinds: readonly OutboundKind[] = ['order', 'ship-notice', 'shipment-status', 'invoice'];

const AcknowledgmentsQuery = Type.Object(
  {
    partner: optional({ type: 'string', maxLength: 64 }),
    type: optional({ type: 'string', enum: ['', ...outboundKinds] }),
    status: optional({ type: 'string', enum: ['', ...acknowledgmentStatuses] }),
    reference: optional({ type: 'string', maxLength: 200 }),
    control: optional({ type: 'string', pattern: '^\\s*([A-Za-z0-9]{1,14})?\\s*$' }),
    from: optional({ type: 'string', maxLength: 10 }),
    to: optional({ type: 'string', maxLength: 10 }),
    before: optional({ type: 'string', pattern: '^([1-9][0-9]{0,18})?$' }),
  },
  { additionalProperties: false },
);
type AcknowledgmentsQuery = Static<typeof AcknowledgmentsQuery>;

const statusLabels: Readonly<Record<AcknowledgmentStatus, string>> = {
  pending: 'pending',
  overdue: 'overdue',
  accepted: 'accepted',
  'accepted-with-errors': 'accepted with errors',
  rejected: 'rejected',
  resubmitted: 'resubmitted',
};

/** The most rows one export holds; a larger one is to be narrowed with the filters. */
const EXPORT_MAX = 10_000;
const EXPORT_BATCH = 1_000;

function filtersOf(query: AcknowledgmentsQuery) {
  return {
    partner: filled(query.partner),
    type: filled(query.type) as OutboundKind | undefined,
    status: filled(query.status) as AcknowledgmentStatus | undefined,
    reference: filled(query.reference),
    control: filled(query.control),
    from: dayFilter('from', query.from),
    to: dayFilter('to', query.to),
  };
}

function searchOf(filters: ReturnType<typeof filtersOf>, timeZone: string, now: Date): Omit<AcknowledgmentSearch, 'limit'> {
  return { partner: filters.partner, kind: filters.type, status: filters.status, reference: filters.reference, controlNumber: filters.control, from: filters.from, to: filters.to, timeZone, now };
}

/** "due in 3 hours", "due 2 hours ago", or the status in words. */
export function statusText(row: Pick<AcknowledgmentRow, 'status' | 'dueAt'>, now: Date): string {
  if (row.status === null) return 'not delivered yet';
  if ((row.status === 'pending' || row.status === 'overdue') && row.dueAt !== null) {
    const ms = row.dueAt.getTime() - now.getTime();
    return ms > 0 ? `pending, due in ${durationText(ms)}` : `overdue, due ${durationText(-ms)} ago`;
  }
  return statusLabels[row.status];
}

export function acknowledgmentsPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: AcknowledgmentsQuery }>(
    '/acknowledgments',
    { config: { permission: Permission.VIEW }, schema: { querystring: AcknowledgmentsQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const now = context.clock();
      const filters = filtersOf(request.query);
      const [found, partners] = await Promise.all([
        searchAcknowledgments(context.pool, { ...searchOf(filters, user.timeZone, now), beforeId: filled(request.query.before), limit: PAGE_SIZE + 1 }),
        listProfiles(context.pool),
      ]);
      const { rows, more } = pageOf(found);
      const last = rows.at(-1);
      return context.page(
        request,
        reply,
        'acknowledgments',
        {
          filters: {
            ...filters,
            partners: partners.map((partner) => partner.partner),
            types: outboundKinds.map((kind) => ({ value: kind, label: kindWords(kind), selected: kind === filters.type })),
            statuses: acknowledgmentStatuses.map((status) => ({ value: status, label: statusLabels[status], selected: status === filters.status })),
            filtered: Object.values(filters).some((value) => value !== undefined),
          },
          documents: rows.map((row) => ({
            id: row.id,
            link: `/documents/outbound/${row.id}`,
            partner: row.partner,
            document: `${kindWords(row.kind)}${row.message ? ` ${row.message}` : ''}`,
            reference: row.reference,
            orders: row.references.filter((number) => number !== row.reference),
            controlNumbers: [row.interchangeControlNumber, row.groupControlNumber, row.setControlNumber].filter((number) => number !== null).join(' / '),
            sentAt: showTime(row.createdAt, user.timeZone),
            acknowledgedAt: showOptionalTime(row.acknowledgedAt, user.timeZone),
            acknowledgmentKind: row.acknowledgmentKind,
            state: row.state,
            statusText: statusText(row, now),
            reason: row.reason,
            resubmittedAs: row.resubmittedAs ? { id: row.resubmittedAs, link: `/documents/outbound/${row.resubmittedAs}` } : null,
            // A document still within its due time waits for its acknowledgment rather than a second sending.
            resubmittable: row.status !== 'pending' && canMoveOutbound(row.state, OutboundState.RESUBMITTED),
          })),
          back: linkTo('/acknowledgments', { ...filters, before: filled(request.query.before) }),
          csv: linkTo('/acknowledgments.csv', filters),
          next: more && last ? linkTo('/acknowledgments', { ...filters, before: last.id }) : null,
          first: request.query.before ? linkTo('/acknowledgments', filters) : null,
          timeZone: user.timeZone,
        },
        { title: 'Acknowledgments', nav: 'acknowledgments' },
      );
    },
  );

  app.get<{ Querystring: AcknowledgmentsQuery }>(
    '/acknowledgments.csv',
    { config: { permission: Permission.VIEW }, schema: { querystring: AcknowledgmentsQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const now = context.clock();
      const rows = await allMatching(context, searchOf(filtersOf(request.query), user.timeZone, now));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="acknowledgments.csv"')
        .send(acknowledgmentsCsv(rows, { timeZone: user.timeZone, now, statusText }));
    },
  );
}

/** The matching rows, newest first, page after page; more than EXPORT_MAX is refused rather than cut short. */
async function allMatching(context: DashboardContext, search: Omit<AcknowledgmentSearch, 'limit'>): Promise<AcknowledgmentRow[]> {
  const rows: AcknowledgmentRow[] = [];
  let beforeId: string | undefined;
  for (;;) {
    const batch = await searchAcknowledgments(context.pool, { ...search, beforeId, limit: EXPORT_BATCH });
    rows.push(...batch);
    if (rows.length > EXPORT_MAX) {
      throw new GatewayError('REQUEST_INVALID', `The export would hold more than ${EXPORT_MAX} documents; narrow it with the filters (partner, status, dates).`);
    }
    if (batch.length < EXPORT_BATCH) return rows;
    beforeId = batch.at(-1)?.id;
  }
}
