import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AcknowledgmentState, fileStates, type FileState } from '../../pipeline/states.js';
import { searchReceivedFiles } from '../../store/sql/file-search.js';
import { listProfiles } from '../../store/sql/partner-profiles.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { dayFilter, filled, linkTo, pageOf, PAGE_SIZE } from './list-links.js';
import { QUEUE_STATES } from './queue.js';
import { signedIn } from './session-guard.js';
import { showTime } from './time.js';

// Received files, newest first, filtered and paged in SQL. Empty fields of the filter form are no filter.

const optional = (schema: object) => Type.Optional(Type.Unsafe<string>(schema));

const FilesQuery = Type.Object(
  {
    partner: optional({ type: 'string', maxLength: 64 }),
    state: optional({ type: 'string', enum: ['', ...fileStates] }),
    from: optional({ type: 'string', maxLength: 10 }),
    to: optional({ type: 'string', maxLength: 10 }),
    name: optional({ type: 'string', maxLength: 255 }),
    ack: optional({ type: 'string', enum: ['', ...Object.values(AcknowledgmentState)] }),
    stuck: optional({ type: 'string', enum: ['', 'yes'] }),
    before: optional({ type: 'string', pattern: '^([1-9][0-9]{0,18})?$' }),
  },
  { additionalProperties: false },
);

const acknowledgmentChoices = [
  { value: 'PENDING', label: 'owed (not yet delivered)' },
  { value: 'DELIVERED', label: 'delivered' },
];

export function filesPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: Static<typeof FilesQuery> }>('/files', { config: { permission: Permission.VIEW }, schema: { querystring: FilesQuery } }, async (request, reply) => {
    const user = signedIn(request);
    const query = request.query;
    const filters = {
      partner: filled(query.partner),
      state: filled(query.state) as FileState | undefined,
      from: dayFilter('from', query.from),
      to: dayFilter('to', query.to),
      name: filled(query.name),
      ack: filled(query.ack) as AcknowledgmentState | undefined,
      stuck: filled(query.stuck),
    };
    const now = context.clock();
    const [found, partners] = await Promise.all([
      searchReceivedFiles(context.pool, {
        partner: filters.partner,
        state: filters.state,
        from: filters.from,
        to: filters.to,
        timeZone: user.timeZone,
        namePrefix: filters.name,
        acknowledgment: filters.ack,
        stuck: filters.stuck ? { states: QUEUE_STATES, before: new Date(now.getTime() - context.stuckAfterMs) } : undefined,
        beforeId: filled(query.before),
        limit: PAGE_SIZE + 1,
      }),
      listProfiles(context.pool),
    ]);
    const { rows, more } = pageOf(found);
    const last = rows.at(-1);
    return context.page(
      request,
      reply,
      'files',
      {
        filters: {
          ...filters,
          states: fileStates.map((state) => ({ value: state, selected: state === filters.state })),
          acknowledgments: acknowledgmentChoices.map((choice) => ({ ...choice, selected: choice.value === filters.ack })),
          partners: partners.map((partner) => partner.partner),
          filtered: Object.values(filters).some((value) => value !== undefined),
        },
        files: rows.map((file) => ({
          id: file.id,
          partner: file.partner,
          partnerLink: linkTo('/files', { ...filters, partner: file.partner }),
          name: file.originalName,
          source: file.source,
          size: sizeText(file.size),
          state: file.state,
          standard: file.standard,
          receivedAt: showTime(file.receivedAt, user.timeZone),
          stateChangedAt: showTime(file.stateChangedAt, user.timeZone),
          rejection: file.rejectionCode ? { code: file.rejectionCode, reason: file.rejectionReason } : null,
        })),
        next: more && last ? linkTo('/files', { ...filters, before: last.id }) : null,
        first: query.before ? linkTo('/files', filters) : null,
        timeZone: user.timeZone,
      },
      { title: 'Files', nav: 'files' },
    );
  });
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
