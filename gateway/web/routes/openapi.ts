import type { FastifyPluginAsync } from 'fastify';
import { openApiDocument, type RecordedRoute } from '../openapi.js';

/** GET /api/openapi.json: the OpenAPI 3.1 description of every route the gateway serves. */
export const openApiRoutes: FastifyPluginAsync<{ routes: readonly RecordedRoute[] }> = async (app, { routes }) => {
  app.get(
    '/api/openapi.json',
    {
      schema: {
        operationId: 'getOpenApi',
        summary: 'This description: every route with its parameters, request and answers.',
        tags: ['gateway'],
        response: { 200: { type: 'object', additionalProperties: true, description: 'An OpenAPI 3.1 document.' } },
      },
    },
    async () => openApiDocument(routes),
  );
};
