import type { FastifyInstance } from 'fastify';
import { fileStates } from '../../pipeline/states.js';
import { countAcknowledgmentTrouble } from '../../store/sql/acknowledgment-search.js';
import { overviewFigures } from '../../store/sql/overview-figures.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { linkTo } from './list-links.js';
import { QUEUE_STATES } from './queue.js';
import { signedIn } from './session-guard.js';
import { dayIn, durationText, showTime } from './time.js';

// The first page support sees: today's files by partner and state, the acknowledgments we owe, documents
// partners rejected or have not acknowledged in time, open exceptions and the pipeline's queue. Every figure
// links to the list it counts, with the same filters.

export function overviewPage(app: FastifyInstance, context: DashboardContext): void {
  app.get('/', { config: { permission: Permission.VIEW } }, async (request, reply) => {
    const user = signedIn(request);
    const now = context.clock();
    const today = dayIn(user.timeZone, now);
    const [figures, partnerAcknowledgments] = await Promise.all([
      overviewFigures(context.pool, {
        today,
        timeZone: user.timeZone,
        queueStates: QUEUE_STATES,
        stuckBefore: new Date(now.getTime() - context.stuckAfterMs),
      }),
      countAcknowledgmentTrouble(context.pool, now),
    ]);
    const todays = (params: Record<string, string | undefined>) => linkTo('/files', { from: today, to: today, ...params });

    const states = fileStates.filter((state) => figures.filesToday.some((row) => row.state === state));
    const partners = [...new Set(figures.filesToday.map((row) => row.partner))];
    const filesToday = partners.map((partner) => {
      const rows = figures.filesToday.filter((row) => row.partner === partner);
      return {
        partner,
        link: todays({ partner }),
        total: rows.reduce((sum, row) => sum + row.count, 0),
        cells: states.map((state) => {
          const count = rows.find((row) => row.state === state)?.count ?? 0;
          return { count, link: count > 0 ? todays({ partner, state }) : null };
        }),
      };
    });

    return context.page(
      request,
      reply,
      'overview',
      {
        today: showTime(now, user.timeZone),
        states: states.map((state) => ({ state, link: todays({ state }) })),
        filesToday,
        filesTodayTotal: { count: figures.filesToday.reduce((sum, row) => sum + row.count, 0), link: todays({}) },
        acknowledgments: {
          owedToday: { count: figures.acknowledgmentsToday.owed, link: todays({ ack: 'PENDING' }) },
          deliveredToday: { count: figures.acknowledgmentsToday.delivered, link: todays({ ack: 'DELIVERED' }) },
          owed: { count: figures.acknowledgmentsOwed, link: linkTo('/files', { ack: 'PENDING' }) },
        },
        openExceptions: { count: figures.openExceptions, link: linkTo('/exceptions', { state: 'OPEN' }) },
        rejectedByPartners: { count: partnerAcknowledgments.rejected, link: linkTo('/acknowledgments', { status: 'rejected' }) },
        overdueFromPartners: { count: partnerAcknowledgments.overdue, link: linkTo('/acknowledgments', { status: 'overdue' }) },
        queue: figures.queue.map((row) => ({
          state: row.state,
          count: row.count,
          link: linkTo('/files', { state: row.state }),
          stuck: row.stuck,
          stuckLink: linkTo('/files', { state: row.state, stuck: 'yes' }),
        })),
        stuckAfter: durationText(context.stuckAfterMs),
      },
      { title: 'Overview', nav: 'overview' },
    );
  });
}
