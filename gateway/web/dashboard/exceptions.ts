import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errorCatalogue } from '../../errors/catalogue.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { BULK_MAX } from '../../exceptions/bulk-action.js';
import { ExceptionAction, ExceptionState } from '../../exceptions/exception.js';
import { searchExceptions } from '../../store/sql/exception-search.js';
import { allows, Permission } from '../../users/roles.js';
import { BULK_ACTIONS } from './bulk-exceptions.js';
import type { DashboardContext } from './context.js';
import { ACTIONS_WITH_REASON } from './exception-actions.js';
import { dayFilter, filled, linkTo, pageOf, PAGE_SIZE } from './list-links.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// Everything that needs a person, newest first, filtered and paged in SQL: open ones unless asked otherwise.
// Each row shows the actions its exception allows; they are taken through DashboardOptions.exceptionActions
// (see exception-actions.ts), and shown disabled while the dashboard has none.

const optional = (schema: object) => Type.Optional(Type.Unsafe<string>(schema));

/** `state=all` lists resolved exceptions too; no state at all means the open ones. */
const ALL = 'all';

const ExceptionsQuery = Type.Object(
  {
    state: optional({ type: 'string', enum: ['', ALL, ...Object.values(ExceptionState)] }),
    partner: optional({ type: 'string', maxLength: 64 }),
    code: optional({ type: 'string', maxLength: 64 }),
    reference: optional({ type: 'string', maxLength: 100 }),
    from: optional({ type: 'string', maxLength: 10 }),
    to: optional({ type: 'string', maxLength: 10 }),
    before: optional({ type: 'string', pattern: '^([1-9][0-9]{0,18})?$' }),
  },
  { additionalProperties: false },
);

const ActionParams = Type.Object({
  id: Type.String({ pattern: '^[1-9][0-9]{0,18}$' }),
  action: Type.Unsafe<ExceptionAction>({ type: 'string', enum: Object.values(ExceptionAction) }),
});
const ActionBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  back: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.Optional(Type.String()),
});

const actionLabels: Readonly<Record<ExceptionAction, string>> = {
  RETRY: 'Retry',
  FORCE: 'Force through',
  REPLAY: 'Replay',
  RESUBMIT: 'Resubmit',
  DISMISS: 'Dismiss',
};

export function exceptionsPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: Static<typeof ExceptionsQuery> }>(
    '/exceptions',
    { config: { permission: Permission.VIEW }, schema: { querystring: ExceptionsQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const query = request.query;
      const state = filled(query.state) ?? ExceptionState.OPEN;
      const filters = {
        state,
        partner: filled(query.partner),
        code: filled(query.code),
        reference: filled(query.reference),
        from: dayFilter('from', query.from),
        to: dayFilter('to', query.to),
      };
      const found = await searchExceptions(context.pool, {
        ...filters,
        state: state === ALL ? undefined : (state as ExceptionState),
        timeZone: user.timeZone,
        beforeId: filled(query.before),
        limit: PAGE_SIZE + 1,
      });
      const { rows, more } = pageOf(found);
      const last = rows.at(-1);
      const here = linkTo('/exceptions', { ...filters, before: filled(query.before) });
      return context.page(
        request,
        reply,
        'exceptions',
        {
          filters: {
            ...filters,
            states: [
              { value: ExceptionState.OPEN, label: 'open', selected: state === ExceptionState.OPEN },
              { value: ExceptionState.RESOLVED, label: 'resolved', selected: state === ExceptionState.RESOLVED },
              { value: ALL, label: 'all', selected: state === ALL },
            ],
            codes: Object.keys(errorCatalogue),
          },
          actionsAvailable: context.exceptionActions !== undefined,
          // Offered to those who may act, when something open is listed.
          bulk:
            context.exceptionActions !== undefined && allows(user.role, Permission.ACT_ON_EXCEPTIONS) && rows.some((exception) => exception.state === ExceptionState.OPEN)
              ? {
                  max: BULK_MAX,
                  actions: BULK_ACTIONS.map((action) => ({ value: action, label: actionLabels[action] })),
                  filters: Object.entries({ partner: filters.partner, code: filters.code, reference: filters.reference, from: filters.from, to: filters.to })
                    .filter(([, value]) => value !== undefined)
                    .map(([name, value]) => ({ name, value })),
                }
              : null,
          exceptions: rows.map((exception) => ({
            id: exception.id,
            createdAt: showTime(exception.createdAt, user.timeZone),
            partner: exception.partner,
            reference: exception.reference,
            code: exception.code,
            summary: errorCatalogue[exception.code]?.summary ?? null,
            message: exception.message,
            fileId: exception.fileId,
            open: exception.state === ExceptionState.OPEN,
            resolution: exception.resolution,
            resolvedBy: exception.resolvedBy,
            resolvedAt: showOptionalTime(exception.resolvedAt, user.timeZone),
            actions: exception.actions.map((action) => ({
              action,
              label: actionLabels[action] ?? action,
              url: `/exceptions/${exception.id}/actions/${action}`,
              asksReason: ACTIONS_WITH_REASON.has(action),
            })),
          })),
          back: here,
          next: more && last ? linkTo('/exceptions', { ...filters, before: last.id }) : null,
          first: query.before ? linkTo('/exceptions', filters) : null,
        },
        { title: 'Exceptions', nav: 'exceptions' },
      );
    },
  );

  app.post<{ Params: Static<typeof ActionParams>; Body: Static<typeof ActionBody> }>(
    '/exceptions/:id/actions/:action',
    { config: { permission: Permission.ACT_ON_EXCEPTIONS }, schema: { params: ActionParams, body: ActionBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const { id, action } = request.params;
      if (!context.exceptionActions) {
        throw new GatewayError('EXCEPTION_ACTION_NOT_ALLOWED', `Actions on exceptions cannot be taken from the dashboard yet; exception ${id} is unchanged.`);
      }
      const reason = filled(request.body.reason);
      if (ACTIONS_WITH_REASON.has(action) && reason === undefined) throw new GatewayError('REQUEST_INVALID', `${actionLabels[action]} needs a reason, in words.`);
      await context.exceptionActions.take({ exceptionId: id, action, actor: user.username, reason });
      const back = request.body.back;
      return reply.redirect(back !== undefined && /^\/exceptions(\?[^\s]*)?$/.test(back) ? back : '/exceptions', 303);
    },
  );
}
