import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { listTemplates, type ProfileTemplate } from '../../../partners/profile-template.js';
import { newPartnerProfile, saveNewPartner } from '../../partners/new-partner.js';
import type { Pool } from '../../store/pool.js';
import { Permission } from '../../users/roles.js';
import { apiActor } from '../api-guard.js';
import { ProfileVersionSchema, profileVersionView, TemplateSchema, templateView } from '../partner-views.js';
import { problemResponses } from '../problem.js';

export interface PartnerTemplatesOptions {
  readonly pool: Pool;
  /** config.partners.defaultsFile: what every new partner starts from. */
  readonly defaultsFile: string;
}

/** GET /api/partner-templates and POST /api/partners: onboarding a partner from a template, as `partner new` does. */
export const partnerTemplatesRoutes: FastifyPluginAsync<PartnerTemplatesOptions> = async (app, { pool, defaultsFile }) => {
  // Read once: the templates ship with the gateway, and their names are what the request schema accepts.
  const templates = new Map(listTemplates().map((template) => [template.name, template]));
  const NewPartnerBody = Type.Object(
    {
      template: Type.Unsafe<string>({ type: 'string', enum: [...templates.keys()], description: 'The template, from GET /api/partner-templates.' }),
      values: Type.Unsafe<Record<string, string>>({
        type: 'object',
        additionalProperties: { type: 'string' },
        default: {},
        description: "The template's variables, name: value; one with a default may be left out.",
      }),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/partner-templates',
    {
      schema: {
        operationId: 'listPartnerTemplates',
        summary: 'The onboarding templates, each with what it is for and the variables it asks for.',
        tags: ['partners'],
        response: { 200: Type.Object({ templates: Type.Array(TemplateSchema) }) },
      },
    },
    async () => ({ templates: [...templates.values()].map(templateView) }),
  );

  app.post<{ Body: Static<typeof NewPartnerBody> }>(
    '/api/partners',
    {
      config: { permission: Permission.MANAGE_PARTNERS },
      schema: {
        operationId: 'createPartner',
        summary: "A new partner (version 1, test usage) from an onboarding template, over the gateway's defaults.",
        tags: ['partners'],
        body: NewPartnerBody,
        response: {
          201: ProfileVersionSchema,
          ...problemResponses('REQUEST_INVALID', 'PARTNER_EXISTS', 'PARTNER_IDENTITY_TAKEN', 'PROFILE_INVALID'),
        },
      },
    },
    async (request, reply) => {
      // The request schema admits only the names of these templates.
      const template = templates.get(request.body.template) as ProfileTemplate;
      const profile = newPartnerProfile({ template, values: request.body.values, defaultsFile });
      const saved = await saveNewPartner(pool, { profile, template, changedBy: apiActor(request) });
      return reply.status(201).header('location', `/api/partners/${saved.partner}`).send(profileVersionView(saved));
    },
  );
};
