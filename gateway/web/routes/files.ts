import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { fileStates, type FileState } from '../../pipeline/states.js';
import type { Pool } from '../../store/pool.js';
import { listReceivedFiles, type ReceivedFile } from '../../store/sql/received-files.js';
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
  };
}

/** GET /api/files: what arrived, newest first; `before` takes the `nextBefore` of the previous page. */
export const filesRoutes: FastifyPluginAsync<{ pool: Pool }> = async (app, options) => {
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
};
