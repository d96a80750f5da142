import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { PartnerProfileSchema } from '../../../partners/schema/profile.js';
import { canonicalSchemas, type CanonicalKind } from '../../../translators/canonical/documents.js';
import { problemResponses } from '../problem.js';

// The JSON Schemas of a partner profile and of the canonical documents, for editors, the dashboard and
// partners' developers; the OpenAPI description carries the same under components.schemas.

const CanonicalParams = Type.Object({
  kind: Type.Unsafe<CanonicalKind>({ type: 'string', enum: Object.keys(canonicalSchemas), description: 'The canonical document.' }),
});

const jsonSchema = (description: string) => ({ 200: { description, content: { 'application/schema+json': { schema: { type: 'object' } } } } });

export const schemasRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/schemas/partner-profile',
    {
      schema: {
        operationId: 'getPartnerProfileSchema',
        summary: 'The JSON Schema of a partner profile, every field described.',
        tags: ['schemas'],
        response: jsonSchema('The JSON Schema of a partner profile (components.schemas.PartnerProfile).'),
      },
    },
    async (_request, reply) => reply.type('application/schema+json').send(JSON.stringify(PartnerProfileSchema)),
  );

  app.get<{ Params: Static<typeof CanonicalParams> }>(
    '/api/schemas/canonical/:kind',
    {
      schema: {
        operationId: 'getCanonicalSchema',
        summary: 'The JSON Schema of a canonical document: order, ship-notice, shipment-status, invoice or functional-ack.',
        tags: ['schemas'],
        params: CanonicalParams,
        response: { ...jsonSchema('The JSON Schema of the document (components.schemas.Order, ShipNotice ...).'), ...problemResponses('REQUEST_INVALID') },
      },
    },
    async (request, reply) => reply.type('application/schema+json').send(JSON.stringify(canonicalSchemas[request.params.kind])),
  );
};
