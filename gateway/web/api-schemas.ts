import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { PartnerProfileSchema, type PartnerProfile } from '../../partners/schema/profile.js';
import { canonicalSchemas } from '../../translators/canonical/documents.js';
import { ProblemSchema } from './problem.js';

// The schemas routes refer to by name ({ $ref: 'PartnerProfile#' }) and the OpenAPI description publishes
// whole under components.schemas. Fastify resolves the profile's name to a stand-in that only asks for an
// object: a profile is checked by parseProfile, whose problems carry field paths and plain reasons, and
// Ajv in strict mode would refuse the `expects` keyword the profile schema carries for those reasons.

/** Every schema the OpenAPI description publishes, by the name its references use. */
export const componentSchemas: Readonly<Record<string, TSchema>> = {
  PartnerProfile: PartnerProfileSchema,
  ...Object.fromEntries(Object.entries(canonicalSchemas).map(([kind, schema]) => [componentName(kind), schema])),
  Problem: ProblemSchema,
};

export const PartnerProfileRef = Type.Unsafe<PartnerProfile>({ $ref: 'PartnerProfile#' });

/** A moment as answers give it: ISO 8601, UTC. */
export const Timestamp = (description: string) => Type.String({ format: 'date-time', description });

/** Gives Fastify what route schemas refer to: call before the routes are registered. */
export function addSharedSchemas(app: FastifyInstance): void {
  app.addSchema({ $id: 'PartnerProfile', type: 'object', additionalProperties: true, description: PartnerProfileSchema.description });
  app.addSchema(ProblemSchema);
}

/** `ship-notice` -> `ShipNotice` */
function componentName(kind: string): string {
  return kind.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}
