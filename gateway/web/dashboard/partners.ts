import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { searchPartners } from '../../store/sql/partner-activity.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { filled, linkTo, pageOf, PAGE_SIZE } from './list-links.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// The partners, by id, each with its usage (test or production), version and when a file last came from it.

const optional = (schema: object) => Type.Optional(Type.Unsafe<string>(schema));

const PartnersQuery = Type.Object(
  {
    usage: optional({ type: 'string', enum: ['', 'test', 'production'] }),
    q: optional({ type: 'string', maxLength: 100 }),
    after: optional({ type: 'string', maxLength: 64 }),
  },
  { additionalProperties: false },
);

export function partnersPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: Static<typeof PartnersQuery> }>('/partners', { config: { permission: Permission.VIEW }, schema: { querystring: PartnersQuery } }, async (request, reply) => {
    const user = signedIn(request);
    const filters = { usage: filled(request.query.usage) as 'test' | 'production' | undefined, q: filled(request.query.q) };
    const found = await searchPartners(context.pool, { usage: filters.usage, text: filters.q, after: filled(request.query.after), limit: PAGE_SIZE + 1 });
    const { rows, more } = pageOf(found);
    const last = rows.at(-1);
    return context.page(
      request,
      reply,
      'partners',
      {
        filters: {
          ...filters,
          usages: ['test', 'production'].map((usage) => ({ value: usage, selected: usage === filters.usage })),
        },
        partners: rows.map((partner) => ({
          id: partner.partner,
          link: `/partners/${encodeURIComponent(partner.partner)}`,
          name: partner.name,
          standard: partner.standard,
          usage: partner.usage,
          production: partner.usage === 'production',
          version: partner.currentVersion,
          updatedAt: showTime(partner.updatedAt, user.timeZone),
          lastFileAt: showOptionalTime(partner.lastFileAt, user.timeZone),
          filesLink: linkTo('/files', { partner: partner.partner }),
        })),
        next: more && last ? linkTo('/partners', { ...filters, after: last.partner }) : null,
        first: request.query.after ? linkTo('/partners', filters) : null,
      },
      { title: 'Partners', nav: 'partners' },
    );
  });
}
