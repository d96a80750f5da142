import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { searchDocuments, type Direction } from '../../store/sql/document-search.js';
import { listProfiles } from '../../store/sql/partner-profiles.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { dayFilter, filled, linkTo, pageOf, PAGE_SIZE } from './list-links.js';
import { signedIn } from './session-guard.js';
import { showTime } from './time.js';

// Documents both ways, found by what support knows of them: a business reference (PO, shipment, invoice
// number), the partner, a control number, the file name, the day. Filtered and paged in SQL; each links to
// its page.

const optional = (schema: object) => Type.Optional(Type.Unsafe<string>(schema));

/** The deepest page offered (the pattern of `page` says the same): beyond it, the filters narrow the search faster than paging does. */
const MAX_PAGE = 200;

const DocumentsQuery = Type.Object(
  {
    direction: optional({ type: 'string', enum: ['', 'inbound', 'outbound'] }),
    partner: optional({ type: 'string', maxLength: 64 }),
    reference: optional({ type: 'string', maxLength: 200 }),
    control: optional({ type: 'string', pattern: '^\\s*([A-Za-z0-9]{1,14})?\\s*$' }),
    file: optional({ type: 'string', maxLength: 255 }),
    from: optional({ type: 'string', maxLength: 10 }),
    to: optional({ type: 'string', maxLength: 10 }),
    page: optional({ type: 'string', pattern: '^([1-9][0-9]?|1[0-9]{2}|200)?$' }),
  },
  { additionalProperties: false },
);

const directions: readonly { readonly value: Direction; readonly label: string }[] = [
  { value: 'inbound', label: 'inbound (from partners)' },
  { value: 'outbound', label: 'outbound (to partners)' },
];

export function documentsPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: Static<typeof DocumentsQuery> }>(
    '/documents',
    { config: { permission: Permission.VIEW }, schema: { querystring: DocumentsQuery } },
    async (request, reply) => {
      const user = signedIn(request);
      const query = request.query;
      const filters = {
        direction: filled(query.direction) as Direction | undefined,
        partner: filled(query.partner),
        reference: filled(query.reference),
        control: filled(query.control),
        file: filled(query.file),
        from: dayFilter('from', query.from),
        to: dayFilter('to', query.to),
      };
      const page = Number(filled(query.page) ?? '1');
      const [found, partners] = await Promise.all([
        searchDocuments(context.pool, {
          direction: filters.direction,
          partner: filters.partner,
          reference: filters.reference,
          controlNumber: filters.control,
          fileNamePrefix: filters.file,
          from: filters.from,
          to: filters.to,
          timeZone: user.timeZone,
          offset: (page - 1) * PAGE_SIZE,
          limit: PAGE_SIZE + 1,
        }),
        listProfiles(context.pool),
      ]);
      const { rows, more } = pageOf(found);
      return context.page(
        request,
        reply,
        'documents',
        {
          filters: {
            ...filters,
            partners: partners.map((partner) => partner.partner),
            directions: directions.map((direction) => ({ ...direction, selected: direction.value === filters.direction })),
            filtered: Object.values(filters).some((value) => value !== undefined),
          },
          documents: rows.map((row) => ({
            link: `/documents/${row.direction}/${row.id}`,
            direction: row.direction === 'inbound' ? 'from' : 'to',
            partner: row.partner,
            message: row.message ?? 'not rendered yet',
            reference: row.reference,
            state: row.state,
            at: showTime(row.at, user.timeZone),
            fileName: row.fileName,
            controlNumbers: [row.interchangeControlNumber, row.groupControlNumber, row.setControlNumber].filter((number) => number !== null).join(' / '),
          })),
          next: more && page < MAX_PAGE ? linkTo('/documents', { ...filters, page: String(page + 1) }) : null,
          first: page > 1 ? linkTo('/documents', filters) : null,
          timeZone: user.timeZone,
        },
        { title: 'Documents', nav: 'documents' },
      );
    },
  );
}
