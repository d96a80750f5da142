import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../../log.js';
import { advanceOutboundDocument } from '../../outbound/advance-document.js';
import { resubmitDocument } from '../../outbound/resubmit-document.js';
import { resubmitDocuments, resubmitStatuses, type ResubmitStatus } from '../../outbound/resubmit-documents.js';
import { storeOutboundDocument } from '../../outbound/store-document.js';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import { outboundStates, type OutboundState } from '../../pipeline/states.js';
import type { Pool } from '../../store/pool.js';
import { listEvents, type EventRow } from '../../store/sql/events.js';
import { Permission } from '../../users/roles.js';
import {
  getOutboundDocument,
  listAcknowledgmentsOfDocument,
  listOutboundDocuments,
  listResubmissionChain,
  type OutboundDocument,
  type ReceivedAcknowledgment,
} from '../../store/sql/outbound-documents.js';
import { Timestamp } from '../api-schemas.js';
import { apiActor } from '../api-guard.js';
import { problemResponses } from '../problem.js';
import { BulkFailureSchema, WindowFields } from './files.js';

// The documents we send partners: sending one from its canonical form, the list, one with its history and
// its resubmissions, and resubmitting one.

export const DOCUMENTS_PAGE_MAX = 500;

const Id = Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: "The document's id." });
const Nullable = (description: string) => Type.Union([Type.String(), Type.Null()], { description });
const NullableTime = (description: string) => Type.Union([Timestamp(description), Type.Null()]);

export const DocumentViewSchema = Type.Object({
  id: Type.String(),
  partner: Type.String(),
  kind: Type.String({ description: 'The canonical document: order, ship-notice, shipment-status or invoice.' }),
  reference: Nullable('The business reference: the order, shipment or invoice number.'),
  state: Type.Unsafe<OutboundState>({ type: 'string', enum: [...outboundStates] }),
  stateChangedAt: Timestamp('When it reached its state.'),
  origin: Type.String({ description: 'How it came: cli, api, odoo, or resubmission (of resubmissionOf).' }),
  createdBy: Type.String({ description: 'Who sent it, or resubmitted it.' }),
  createdAt: Timestamp('When it was stored.'),
  message: Nullable('The message it was rendered as: 856, DESADV ... once rendered.'),
  profileVersion: Type.Union([Type.Integer(), Type.Null()], { description: "The version of the partner's profile it was rendered with." }),
  controlNumbers: Type.Union(
    [Type.Object({ interchange: Type.String(), group: Nullable('GS06; none for EDIFACT.'), set: Nullable('ST02 / UNH 0062.') }), Type.Null()],
    { description: 'ISA13 / UNB 0020, GS06, ST02 / UNH 0062 as written, once rendered; null before.' },
  ),
  delivery: Type.Union([Type.Object({ transport: Type.String(), path: Type.String() }), Type.Null()], { description: 'Where it goes: the transport and the path the partner finds it at.' }),
  deliveredAt: NullableTime('When the partner got it.'),
  acknowledgmentDueAt: NullableTime("When the partner's acknowledgment is due; null when none is expected."),
  acknowledgedAt: NullableTime("When the partner's acknowledgment settled it."),
  reason: Nullable("What the partner's acknowledgment says is wrong, or why it could not be rendered."),
  resubmissionOf: Nullable('The document this one sends again.'),
  autoResubmissions: Type.Integer({ description: "Resubmissions the partner's policy made in a row before this one." }),
});

export type DocumentView = Static<typeof DocumentViewSchema>;

/** An outbound document as the API and `documents list --json` show it. */
export function documentView(document: OutboundDocument): DocumentView {
  return {
    id: document.id,
    partner: document.partner,
    kind: document.kind,
    reference: document.reference,
    state: document.state,
    stateChangedAt: document.stateChangedAt.toISOString(),
    origin: document.origin,
    createdBy: document.createdBy,
    createdAt: document.createdAt.toISOString(),
    message: document.message,
    profileVersion: document.profileVersion,
    controlNumbers: document.interchangeControlNumber
      ? { interchange: document.interchangeControlNumber, group: document.groupControlNumber, set: document.setControlNumber }
      : null,
    delivery: document.transport && document.fileName ? { transport: document.transport, path: `/outbound/${document.fileName}` } : null,
    deliveredAt: document.deliveredAt?.toISOString() ?? null,
    acknowledgmentDueAt: document.dueAt?.toISOString() ?? null,
    acknowledgedAt: document.acknowledgedAt?.toISOString() ?? null,
    reason: document.reason,
    resubmissionOf: document.resubmissionOf,
    autoResubmissions: document.autoResubmissions,
  };
}

const EventSchema = Type.Object({
  type: Type.String({ description: 'What happened: document.stored, document.rendered, document.delivered, document.acknowledged ...' }),
  actor: Type.String({ description: 'Who did it: an instance of the gateway, or a person.' }),
  at: Timestamp('When.'),
  details: Type.Record(Type.String(), Type.Unknown()),
});

const AcknowledgmentSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: '997, 999 or CONTRL.' }),
  controlNumber: Type.String({ description: 'ISA13 / UNB 0020 of the interchange it came in.' }),
  fileId: Type.String({ description: 'The received file it came in.' }),
  outcome: Type.String({ description: 'settled: it settled the document; duplicate: it came after the one that did, and changed nothing.' }),
  reconciledAt: Timestamp('When it was read.'),
});

const DocumentDetailSchema = Type.Object({
  document: DocumentViewSchema,
  canonical: Type.Unknown({ description: 'The canonical document it was sent from (see /api/schemas/canonical/{kind}).' }),
  history: Type.Array(EventSchema, { description: 'Every event of the document, oldest first.' }),
  resubmissions: Type.Array(DocumentViewSchema, { description: 'Every document linked to this one by resubmission, itself included, oldest first.' }),
  acknowledgments: Type.Array(AcknowledgmentSchema, { description: 'The acknowledgments that answered it.' }),
});

const eventView = (event: EventRow) => ({ type: event.type, actor: event.actor, at: event.at.toISOString(), details: event.details });
const acknowledgmentView = (ack: ReceivedAcknowledgment) => ({ ...ack, reconciledAt: ack.reconciledAt.toISOString() });

/** The document with its history, its resubmissions and the acknowledgments that answered it. */
export async function documentDetail(pool: Pool, id: string): Promise<Static<typeof DocumentDetailSchema>> {
  const document = await getOutboundDocument(pool, id);
  if (!document) throw new GatewayError('DOCUMENT_NOT_FOUND', `There is no outbound document ${JSON.stringify(id)}.`);
  return {
    document: documentView(document),
    canonical: document.canonical,
    history: (await listEvents(pool, 'document', id)).map(eventView),
    resubmissions: (await listResubmissionChain(pool, id)).map(documentView),
    acknowledgments: (await listAcknowledgmentsOfDocument(pool, id)).map(acknowledgmentView),
  };
}

const ListQuery = Type.Object(
  {
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Only this partner's." })),
    state: Type.Optional(Type.Unsafe<OutboundState>({ type: 'string', enum: [...outboundStates], description: 'Only those in this state.' })),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only those with this business reference.' })),
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: 'The `nextBefore` of the previous page.' })),
    limit: Type.Integer({ minimum: 1, maximum: DOCUMENTS_PAGE_MAX, default: 50 }),
  },
  { additionalProperties: false },
);

const SendHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Sending again with the same key answers with the document stored the first time (200) instead of sending a second one.' }),
  ),
});

const ResubmitBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why it is sent again, for its history.' }),
  },
  { additionalProperties: false },
);

const BulkResubmitBody = Type.Object(
  {
    partner: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Unsafe<ResubmitStatus>({ type: 'string', enum: Object.keys(resubmitStatuses), description: 'overdue: its acknowledgment never came (OVERDUE); rejected: the partner refused it (REJECTED).' }),
    ...WindowFields,
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why they are sent again, for each one\'s history.' }),
  },
  { additionalProperties: false, description: 'The documents sent in the window (since, until) chosen by partner and status.' },
);

const SentSchema = Type.Object({
  document: DocumentViewSchema,
  problem: Nullable('Why it did not get further at once, when a step failed: it stays in its state, and the gateway carries on with it.'),
});

const tags = ['documents'];

export const documentsRoutes: FastifyPluginAsync<{ pool: Pool; actor: string; log: Logger }> = async (app, { pool, actor, log }) => {
  const advance = async (id: string) => {
    const advanced = await advanceOutboundDocument({ pool, actor, log }, id);
    return { document: documentView(advanced.document), problem: advanced.failure === undefined ? null : describeError(advanced.failure) };
  };

  app.post<{ Params: { id: string }; Body: unknown; Headers: Static<typeof SendHeaders> }>(
    '/api/partners/:id/documents',
    {
      config: { permission: Permission.SEND_DOCUMENTS },
      schema: {
        operationId: 'sendDocument',
        summary: "Sends the partner a canonical document (the body): stored, rendered with the partner's profile and control numbers, and delivered to its SFTP /outbound at once, where it waits for the partner's acknowledgment.",
        tags,
        params: Type.Object({ id: Type.String({ description: "The partner's id." }) }),
        headers: SendHeaders,
        body: Type.Object({}, { additionalProperties: true, description: 'A canonical order, ship notice, shipment status or invoice (see /api/schemas/canonical/{kind}); source may be left out.' }),
        response: {
          200: SentSchema,
          201: SentSchema,
          ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND', 'DOCUMENT_NOT_SENDABLE'),
        },
      },
    },
    async (request, reply) => {
      const sentBy = apiActor(request);
      const stored = await storeOutboundDocument(pool, {
        partner: request.params.id,
        json: request.body,
        where: 'The request body',
        origin: 'api',
        sentBy,
        intakeKey: request.headers['idempotency-key'],
      });
      const sent = await advance(stored.document.id);
      return reply.status(stored.created ? 201 : 200).send(sent);
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/documents',
    {
      schema: {
        operationId: 'listDocuments',
        summary: 'The documents we sent partners, newest first, with where each stands: delivered, acknowledged, rejected (why), overdue, resubmitted.',
        tags,
        querystring: ListQuery,
        response: {
          200: Type.Object({
            documents: Type.Array(DocumentViewSchema),
            nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'What `before` takes for the next page; null on the last.' }),
          }),
          ...problemResponses('REQUEST_INVALID'),
        },
      },
    },
    async (request) => {
      const { partner, state, reference, before, limit } = request.query;
      const documents = await listOutboundDocuments(pool, { partner, state, reference, before, limit });
      const last = documents.at(-1);
      return { documents: documents.map(documentView), nextBefore: documents.length === limit && last ? last.id : null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/documents/:id',
    {
      schema: {
        operationId: 'getDocument',
        summary: 'One document we sent: where it stands, its canonical form, its history, its resubmissions and the acknowledgments that answered it.',
        tags,
        params: Type.Object({ id: Id }),
        response: { 200: DocumentDetailSchema, ...problemResponses('REQUEST_INVALID', 'DOCUMENT_NOT_FOUND') },
      },
    },
    async (request) => documentDetail(pool, request.params.id),
  );

  app.post<{ Params: { id: string }; Body: Static<typeof ResubmitBody> }>(
    '/api/documents/:id/resubmit',
    {
      config: { permission: Permission.ACT_ON_EXCEPTIONS },
      schema: {
        operationId: 'resubmitDocument',
        summary: "Sends a document again as a new one (same canonical document, new control numbers), linked to it, recorded with who and why; the exceptions open about it are resolved.",
        tags,
        params: Type.Object({ id: Id }),
        body: ResubmitBody,
        response: {
          201: Type.Object({ ...SentSchema.properties, resubmissionOf: Type.String({ description: 'The document sent again.' }) }),
          ...problemResponses('REQUEST_INVALID', 'DOCUMENT_NOT_FOUND', 'DOCUMENT_NOT_RESUBMITTABLE'),
        },
      },
    },
    async (request, reply) => {
      const resubmission = await resubmitDocument(pool, request.params.id, { actor: apiActor(request), reason: request.body.reason });
      return reply.status(201).send({ ...(await advance(resubmission.id)), resubmissionOf: request.params.id });
    },
  );

  app.post<{ Body: Static<typeof BulkResubmitBody> }>(
    '/api/documents/resubmit',
    {
      config: { permission: Permission.ACT_ON_EXCEPTIONS },
      schema: {
        operationId: 'resubmitDocuments',
        summary: "Sends again every document of a partner that is overdue or rejected, sent in a window (at most 1000), each as POST /api/documents/{id}/resubmit does; one that fails is named and the rest go.",
        tags,
        body: BulkResubmitBody,
        response: {
          200: Type.Object({
            selected: Type.Integer({ description: 'Documents the filter chose.' }),
            resubmitted: Type.Integer(),
            failed: Type.Integer(),
            resubmissions: Type.Array(Type.Object({ original: Type.String(), document: Type.String({ description: 'The new document.' }), state: Type.Unsafe<OutboundState>({ type: 'string', enum: [...outboundStates] }) })),
            failures: Type.Array(BulkFailureSchema),
          }),
          ...problemResponses('REQUEST_INVALID'),
        },
      },
    },
    async (request) => {
      const { partner, status, since, until, reason } = request.body;
      const filter = { partner, status, since: new Date(since), until: until === undefined ? new Date() : new Date(until) };
      const done = await resubmitDocuments({ pool, instance: actor, log }, filter, { actor: apiActor(request), reason });
      return {
        selected: done.selected.length,
        resubmitted: done.resubmissions.length,
        failed: done.failures.length,
        resubmissions: done.resubmissions.map(({ original, document }) => ({ original, document: document.id, state: document.state })),
        failures: done.failures,
      };
    },
  );
};
