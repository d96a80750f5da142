import type { FastifyPluginAsync } from 'fastify';
import { fileStates, type FileState } from '../../pipeline/states.js';
import type { Pool } from '../../store/pool.js';
import { listReceivedFiles, type ReceivedFile } from '../../store/sql/received-files.js';

export const FILES_PAGE_MAX = 500;

interface FilesQuery {
  partner?: string;
  state?: FileState;
  before?: string;
  limit: number;
}

/** A received file as the API shows it. */
export function fileView(file: ReceivedFile) {
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
