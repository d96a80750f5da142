import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { errorCatalogue } from '../../errors/catalogue.js';
import { ExceptionAction, ExceptionState, type StoredException } from '../../exceptions/exception.js';
import { EXCEPTIONS_PAGE_MAX, listExceptionPage, requireException } from '../../exceptions/list-exceptions.js';
import { resolveException, type RetryNudges } from '../../exceptions/resolve-exception.js';
import type { Pool } from '../../store/pool.js';
import { Permission } from '../../users/roles.js';
import { Timestamp } from '../api-schemas.js';
import { apiActor } from '../api-guard.js';
import { problemResponses } from '../problem.js';

// Exceptions: everything that needs a person, newest first, one by one, and resolving one with an action it allows.

const actions = Object.values(ExceptionAction);
const states = Object.values(ExceptionState);
const Id = Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: "The exception's id." });
const Nullable = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

const ExceptionViewSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'The error code, from the "Error codes" table.' }),
  title: Type.String({ description: "The code's summary, in plain words." }),
  message: Type.String({ description: 'What went wrong here, in plain words, naming what and where.' }),
  partner: Nullable('The partner it concerns.'),
  reference: Nullable('The business reference: the order, shipment or invoice number.'),
  fileId: Nullable('The received file it is about.'),
  setId: Nullable('The transaction set (message) it is about.'),
  documentId: Nullable('The document it is about.'),
  location: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Where in the file, when the problem is in its content.' }),
  actions: Type.Array(Type.Unsafe<ExceptionAction>({ type: 'string', enum: actions }), { description: 'What may be done about it.' }),
  state: Type.Unsafe<ExceptionState>({ type: 'string', enum: states }),
  resolution: Nullable('How it was resolved: the action, and the reason given.'),
  resolvedBy: Nullable('Who resolved it.'),
  resolvedAt: Type.Union([Timestamp('When it was resolved.'), Type.Null()]),
  createdAt: Timestamp('When it was opened.'),
});

/** An exception as the API and `exceptions list --json` show it. */
export function exceptionView(exception: StoredException): Static<typeof ExceptionViewSchema> {
  return {
    id: exception.id,
    code: exception.code,
    title: Object.hasOwn(errorCatalogue, exception.code) ? errorCatalogue[exception.code].summary : exception.code,
    message: exception.message,
    partner: exception.partner,
    reference: exception.reference,
    fileId: exception.fileId,
    setId: exception.setId,
    documentId: exception.documentId,
    location: exception.location ? { ...exception.location } : null,
    actions: [...exception.actions],
    state: exception.state,
    resolution: exception.resolution,
    resolvedBy: exception.resolvedBy,
    resolvedAt: exception.resolvedAt?.toISOString() ?? null,
    createdAt: exception.createdAt.toISOString(),
  };
}

const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.Unsafe<ExceptionState>({ type: 'string', enum: states, description: 'Only OPEN or only RESOLVED ones.' })),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Only this partner's." })),
    code: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,63}$', description: 'Only those with this error code.' })),
    file: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: 'Only those about this received file.' })),
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: 'The `nextBefore` of the previous page.' })),
    limit: Type.Integer({ minimum: 1, maximum: EXCEPTIONS_PAGE_MAX, default: 50 }),
  },
  { additionalProperties: false },
);

const ResolveBody = Type.Object(
  {
    action: Type.Unsafe<ExceptionAction>({ type: 'string', enum: actions, description: "One of the exception's actions: RETRY runs the failed step again, DISMISS closes it with nothing done." }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Why; required to DISMISS.' })),
  },
  { additionalProperties: false },
);

const tags = ['exceptions'];

export const exceptionsRoutes: FastifyPluginAsync<{ pool: Pool; nudges?: RetryNudges | undefined }> = async (app, { pool, nudges }) => {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/exceptions',
    {
      schema: {
        operationId: 'listExceptions',
        summary: 'Exceptions, newest first: what failed, in plain words, with the business reference and the actions allowed.',
        tags,
        querystring: ListQuery,
        response: {
          200: Type.Object({
            exceptions: Type.Array(ExceptionViewSchema),
            nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'What `before` takes for the next page; null on the last.' }),
          }),
          ...problemResponses('REQUEST_INVALID'),
        },
      },
    },
    async (request) => {
      const { state, partner, code, file, before, limit } = request.query;
      const page = await listExceptionPage(pool, { state, partner, code, fileId: file, before, limit });
      return { exceptions: page.exceptions.map(exceptionView), nextBefore: page.nextBefore ?? null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/exceptions/:id',
    {
      schema: {
        operationId: 'getException',
        summary: 'One exception.',
        tags,
        params: Type.Object({ id: Id }),
        response: { 200: ExceptionViewSchema, ...problemResponses('REQUEST_INVALID', 'EXCEPTION_NOT_FOUND') },
      },
    },
    async (request) => exceptionView(await requireException(pool, request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: Static<typeof ResolveBody> }>(
    '/api/exceptions/:id/resolve',
    {
      config: { permission: Permission.ACT_ON_EXCEPTIONS },
      schema: {
        operationId: 'resolveException',
        summary: 'Resolves an open exception with one of its actions, recorded with who and why; RETRY runs the failed step again at once.',
        tags,
        params: Type.Object({ id: Id }),
        body: ResolveBody,
        response: {
          200: Type.Object({
            exception: ExceptionViewSchema,
            next: Type.Union([Type.Literal('nudged'), Type.Literal('sweep'), Type.Literal('none')], {
              description: 'nudged: the step runs again now; sweep: on the sweep\'s next round; none: nothing more happens.',
            }),
          }),
          ...problemResponses('REQUEST_INVALID', 'EXCEPTION_NOT_FOUND', 'EXCEPTION_NOT_OPEN', 'EXCEPTION_ACTION_NOT_ALLOWED'),
        },
      },
    },
    async (request) => {
      const { action, reason } = request.body;
      const resolved = await resolveException({ pool, ...(nudges ? { nudges } : {}) }, request.params.id, { action, reason, actor: apiActor(request) });
      return { exception: exceptionView(resolved.exception), next: resolved.next };
    },
  );
};
