import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { advanceFile } from '../../pipeline/advance-file.js';
import { dryRunReplay } from '../../pipeline/replay-dry-run.js';
import { replayFile } from '../../pipeline/replay-file.js';
import { replayableStates, replayFiles } from '../../pipeline/replay-files.js';
import { fileStates, type FileState } from '../../pipeline/states.js';
import type { Pool } from '../../store/pool.js';
import { listReceivedFiles, type ReceivedFile } from '../../store/sql/received-files.js';
import { Permission } from '../../users/roles.js';
import { apiActor } from '../api-guard.js';
import { Timestamp } from '../api-schemas.js';
import { problemResponses } from '../problem.js';

export const FILES_PAGE_MAX = 500;

interface FilesQuery {
  partner?: string;
  state?: FileState;
  before?: string;
  limit: number;
}

const FileViewSchema = Type.Object({
  id: Type.String(),
  partner: Type.String(),
  source: Type.String({ description: 'The transport it came through: local-dir, sftp, as2.' }),
  name: Type.String({ description: 'Its name as sent.' }),
  size: Type.Number({ description: 'Bytes.' }),
  sha256: Type.String(),
  receivedAt: Timestamp('When it was stored.'),
  receivedBy: Type.String({ description: 'The gateway instance that took it in.' }),
  state: Type.Unsafe<FileState>({ type: 'string', enum: [...fileStates] }),
  stateChangedAt: Timestamp('When it reached its state.'),
  standard: Type.Union([Type.String(), Type.Null()], { description: 'X12 or EDIFACT, once identified.' }),
  rejection: Type.Union([Type.Object({ code: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
    description: 'Why the file was rejected, when it was.',
  }),
  replayOf: Type.Union([Type.String(), Type.Null()], { description: 'The file this one replays (read again from its bytes), when it is a replay.' }),
});

/** A received file as the API shows it. */
export function fileView(file: ReceivedFile): Static<typeof FileViewSchema> {
  return {
    id: file.id,
    partner: file.partner,
    source: file.source,
    name: file.originalName,
    size: file.size,
    sha256: file.sha256,
    receivedAt: file.receivedAt.toISOString(),
    receivedBy: file.receivedBy,
    state: file.state,
    stateChangedAt: file.stateChangedAt.toISOString(),
    standard: file.standard,
    rejection: file.rejectionCode ? { code: file.rejectionCode, reason: file.rejectionReason } : null,
    replayOf: file.replayOf,
  };
}

const Finding = Type.Object({
  where: Type.String({ description: "The set or message ('850 0001'), a segment in it, or the interchange; empty for the file." }),
  message: Type.String(),
});

const DryRunSchema = Type.Object({
  fileId: Type.String(),
  partner: Type.String(),
  profileVersion: Type.Integer({ description: 'The profile version the bytes were read with.' }),
  findings: Type.Array(Finding, { description: "What is wrong with the file's interchanges and groups as such." }),
  sets: Type.Array(
    Type.Object({
      message: Type.String({ description: '850, ORDERS ...' }),
      interchange: Type.String({ description: 'ISA13 / UNB 0020.' }),
      controlNumber: Type.String({ description: 'ST02 / UNH 0062.' }),
      outcome: Type.Unsafe<string>({
        type: 'string',
        enum: ['same', 'changed', 'added', 'removed', 'none'],
        description: 'same or changed: beside the document the original made; added: the original made none; removed: the replay would make none; none: neither.',
      }),
      changes: Type.Array(
        Type.Object({
          path: Type.String({ description: 'The field, as lines[2].quantity; empty for the whole document.' }),
          before: Type.Optional(Type.Unknown({ description: 'Its value in the original document; absent when the replay adds it.' })),
          after: Type.Optional(Type.Unknown({ description: 'Its value in the replay; absent when the replay removes it.' })),
        }),
      ),
      findings: Type.Array(Finding, { description: 'Why the replay would make no document of it.' }),
    }),
  ),
});

const Id = Type.String({ pattern: '^[1-9][0-9]{0,18}$', description: "The file's id." });
const Reason = Type.String({ minLength: 1, maxLength: 1000, description: 'Why it is replayed, for the history of the files (required, except for a dry run).' });
const ProfileVersion = Type.Integer({ minimum: 1, description: "The partner's profile version to read with; the current one when left out." });
const Acknowledge = Type.Boolean({ description: 'Send the partner the acknowledgments the replay makes; by default none (it had its answer to the original).' });
const ReplayedBy = Type.String({ minLength: 1, maxLength: 200, description: 'The person the caller acts for, recorded beside the caller.' });

const ReplayBody = Type.Object(
  { reason: Type.Optional(Reason), profileVersion: Type.Optional(ProfileVersion), dryRun: Type.Optional(Type.Boolean({ description: 'Read and compare only; nothing is written.' })), acknowledge: Type.Optional(Acknowledge), replayedBy: Type.Optional(ReplayedBy) },
  { additionalProperties: false },
);

/** The window a bulk action chooses rows by; shared with the bulk resubmit of documents.ts. */
export const WindowFields = {
  since: Timestamp('On or after this moment.'),
  until: Type.Optional(Timestamp('Before this moment; now when left out.')),
};

export const BulkFailureSchema = Type.Object({ id: Type.String(), code: Type.String({ description: 'Its error code.' }), message: Type.String() });

const BulkReplayBody = Type.Object(
  {
    partner: Type.String({ minLength: 1, maxLength: 64 }),
    state: Type.Unsafe<FileState>({ type: 'string', enum: [...replayableStates], description: 'Only files in this state (ACKNOWLEDGED ones are replayed only while an exception holds them).' }),
    ...WindowFields,
    reason: Reason,
    profileVersion: Type.Optional(ProfileVersion),
    acknowledge: Type.Optional(Acknowledge),
    replayedBy: Type.Optional(ReplayedBy),
  },
  { additionalProperties: false, description: 'The files received in the window (since, until) chosen by partner and state.' },
);

const tags = ['files'];

/** GET /api/files: what arrived, newest first; `before` takes the `nextBefore` of the previous page. Replays, one or by filter. */
export const filesRoutes: FastifyPluginAsync<{ pool: Pool; instance?: string }> = async (app, options) => {
  const steps = { pool: options.pool, actor: options.instance ?? 'api' };

  app.get<{ Querystring: FilesQuery }>(
    '/api/files',
    {
      schema: {
        operationId: 'listFiles',
        summary: 'Received files, newest first; `before` takes the `nextBefore` of the previous page.',
        tags: ['files'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            partner: { type: 'string', minLength: 1, maxLength: 64 },
            state: { type: 'string', enum: [...fileStates] },
            before: { type: 'string', pattern: '^[1-9][0-9]{0,18}$' },
            limit: { type: 'integer', minimum: 1, maximum: FILES_PAGE_MAX, default: 50 },
          },
        },
        response: {
          200: Type.Object({
            files: Type.Array(FileViewSchema),
            nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'What `before` takes for the next page; null on the last.' }),
          }),
          ...problemResponses('REQUEST_INVALID'),
        },
      },
    },
    async (request) => {
      const { partner, state, before, limit } = request.query;
      const files = await listReceivedFiles(options.pool, { partner, state, beforeId: before, limit });
      const last = files.at(-1);
      return { files: files.map(fileView), nextBefore: files.length === limit && last ? last.id : null };
    },
  );

  app.post<{ Params: { id: string }; Body: Static<typeof ReplayBody> }>(
    '/api/files/:id/replay',
    {
      config: { permission: Permission.ACT_ON_EXCEPTIONS },
      schema: {
        operationId: 'replayFile',
        summary:
          "Reads a received file again from its stored bytes as a new file linked to it, with the partner's current or a chosen profile version, through the normal steps; recorded on both files with who and why. With dryRun, only the canonical difference against what the original made (200), nothing written.",
        tags,
        params: Type.Object({ id: Id }),
        body: ReplayBody,
        response: {
          200: DryRunSchema,
          201: Type.Object({ original: Type.String(), replay: FileViewSchema, profileVersion: Type.Integer({ description: 'The profile version it was read with.' }) }),
          ...problemResponses('REQUEST_INVALID', 'FILE_NOT_FOUND', 'PARTNER_NOT_FOUND', 'FILE_NOT_REPLAYABLE'),
        },
      },
    },
    async (request, reply) => {
      const { reason, profileVersion, dryRun, acknowledge, replayedBy } = request.body;
      if (dryRun) return reply.status(200).send(await dryRunReplay(options.pool, request.params.id, { profileVersion }));
      const replayed = await replayFile(options.pool, request.params.id, { actor: apiActor(request), reason: reason ?? '', profileVersion, acknowledge, onBehalfOf: replayedBy });
      const replay = await advanceFile(steps, replayed.replay.id);
      return reply.status(201).send({ original: replayed.original.id, replay: fileView(replay), profileVersion: replayed.profileVersion });
    },
  );

  app.post<{ Body: Static<typeof BulkReplayBody> }>(
    '/api/files/replay',
    {
      config: { permission: Permission.ACT_ON_EXCEPTIONS },
      schema: {
        operationId: 'replayFiles',
        summary: 'Replays every file of a partner in a state received in a window (at most 1000), each as POST /api/files/{id}/replay does; one that fails is named and the rest go.',
        tags,
        body: BulkReplayBody,
        response: {
          200: Type.Object({
            selected: Type.Integer({ description: 'Files the filter chose.' }),
            replayed: Type.Integer(),
            failed: Type.Integer(),
            replays: Type.Array(Type.Object({ original: Type.String(), replay: Type.String(), state: Type.Unsafe<FileState>({ type: 'string', enum: [...fileStates] }) })),
            failures: Type.Array(BulkFailureSchema),
          }),
          ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND'),
        },
      },
    },
    async (request) => {
      const { partner, state, since, until, reason, profileVersion, acknowledge, replayedBy } = request.body;
      const filter = { partner, state, since: new Date(since), until: until === undefined ? new Date() : new Date(until) };
      const done = await replayFiles({ pool: options.pool, instance: steps.actor }, filter, { actor: apiActor(request), reason, profileVersion, acknowledge, onBehalfOf: replayedBy });
      return {
        selected: done.selected.length,
        replayed: done.replays.length,
        failed: done.failures.length,
        replays: done.replays.map(({ original, replay }) => ({ original, replay: replay.id, state: replay.state })),
        failures: done.failures,
      };
    },
  );
};
