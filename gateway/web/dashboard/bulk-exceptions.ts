import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { BULK_MAX, BULK_STALLED_MS, startBulkAction } from '../../exceptions/bulk-action.js';
import { ExceptionAction, ExceptionState } from '../../exceptions/exception.js';
import type { Logger } from '../../log.js';
import { getBulkAction } from '../../store/sql/bulk-actions.js';
import { searchExceptions } from '../../store/sql/exception-search.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { ACTIONS_WITH_REASON } from './exception-actions.js';
import { dayFilter, filled } from './list-links.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// The exceptions page's bulk form: one action on the exceptions ticked, or on every open one its filters
// show, then a page that follows the progress (it reloads itself while the action runs) and lists each
// exception the action could not be taken on, with why.

/** The actions that make sense on many exceptions at once; the others need a look at each. */
export const BULK_ACTIONS = [ExceptionAction.RETRY, ExceptionAction.DISMISS] as const;
const REFRESH_SECONDS = 2;

const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const BulkBody = Type.Object({
  action: Type.Unsafe<(typeof BULK_ACTIONS)[number]>({ type: 'string', enum: [...BULK_ACTIONS] }),
  reason: text(1000),
  ids: Type.Optional(Type.Union([Type.String({ pattern: '^[1-9][0-9]{0,18}$' }), Type.Array(Type.String({ pattern: '^[1-9][0-9]{0,18}$' }), { maxItems: BULK_MAX })])),
  all: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['', 'yes'] })),
  partner: text(64),
  code: text(64),
  reference: text(100),
  from: text(10),
  to: text(10),
  _csrf: text(200),
});
const BulkParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,18}$' }) });

export function bulkExceptionActions(app: FastifyInstance, context: DashboardContext): void {
  app.post<{ Body: Static<typeof BulkBody> }>(
    '/exceptions/bulk',
    { config: { permission: Permission.ACT_ON_EXCEPTIONS }, schema: { body: BulkBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const take = context.exceptionActions;
      if (!take) throw new GatewayError('EXCEPTION_ACTION_NOT_ALLOWED', 'Actions on exceptions cannot be taken from the dashboard yet; nothing was changed.');
      const body = request.body;
      const reason = filled(body.reason);
      if (ACTIONS_WITH_REASON.has(body.action) && reason === undefined) throw new GatewayError('REQUEST_INVALID', 'Dismissing needs a reason, in words; nothing was changed.');
      let ids = body.ids === undefined ? [] : [body.ids].flat();
      if (body.all === 'yes') {
        const found = await searchExceptions(context.pool, {
          state: ExceptionState.OPEN,
          partner: filled(body.partner),
          code: filled(body.code),
          reference: filled(body.reference),
          from: dayFilter('from', body.from),
          to: dayFilter('to', body.to),
          timeZone: user.timeZone,
          limit: BULK_MAX + 1,
        });
        ids = found.map((exception) => exception.id);
      }
      const bulk = await startBulkAction({ pool: context.pool, log: request.log as Logger, take: (item) => take.take(item) }, { exceptionIds: ids, action: body.action, reason, actor: user.username });
      return reply.redirect(`/bulk/${bulk.id}`, 303);
    },
  );

  app.get<{ Params: Static<typeof BulkParams> }>(
    '/bulk/:id',
    { config: { permission: Permission.ACT_ON_EXCEPTIONS }, schema: { params: BulkParams } },
    async (request, reply) => {
      const user = signedIn(request);
      const bulk = await getBulkAction(context.pool, request.params.id);
      if (!bulk) throw new GatewayError('NOT_FOUND', `There is no bulk action ${request.params.id}.`);
      const now = context.clock();
      const running = bulk.state === 'RUNNING';
      const stalled = running && now.getTime() - bulk.heartbeatAt.getTime() > BULK_STALLED_MS;
      const failed = new Set(bulk.failures.map((failure) => failure.exception));
      const rest = bulk.items.slice(bulk.done);
      return context.page(
        request,
        reply,
        'bulk',
        {
          bulk: {
            id: bulk.id,
            action: bulk.action,
            reason: bulk.reason,
            actor: bulk.actor,
            total: bulk.items.length,
            done: bulk.done,
            succeeded: bulk.done - failed.size,
            failures: bulk.failures,
            running: running && !stalled,
            stalled,
            rest: stalled ? rest : [],
            createdAt: showTime(bulk.createdAt, user.timeZone),
            finishedAt: showOptionalTime(bulk.finishedAt, user.timeZone),
          },
        },
        { title: `Bulk action ${bulk.id}`, nav: 'exceptions', ...(running && !stalled ? { refreshSeconds: REFRESH_SECONDS } : {}) },
      );
    },
  );
}
