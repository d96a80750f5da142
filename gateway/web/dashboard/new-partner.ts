import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatPath } from '../../../partners/profile-problem.js';
import type { ProfileTemplate } from '../../../partners/profile-template.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { newPartnerProfile, saveNewPartner } from '../../partners/new-partner.js';
import { ProfileRefused } from '../../partners/profile-refused.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { signedIn } from './session-guard.js';

// "New partner from template": pick a template, fill in its variables (each with what it means and an
// example), and the partner is made as `partner new` makes it: version 1, in test, over the defaults file.
// A refused value is shown at its field, with the other values kept.

/** A variable's form field: `v_isaId`. */
const FIELD_PREFIX = 'v_';

const NewPartnerQuery = Type.Object({ template: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false });
const NewPartnerBody = Type.Object({ template: Type.String({ maxLength: 100 }), _csrf: Type.Optional(Type.String()) }, { additionalProperties: Type.String({ maxLength: 1000 }) });

interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly { readonly variable: string | undefined; readonly field: string; readonly reason: string }[];
  readonly problem: string | null;
}

export function newPartnerPage(app: FastifyInstance, context: DashboardContext): void {
  app.get<{ Querystring: Static<typeof NewPartnerQuery> }>(
    '/new-partner',
    { config: { permission: Permission.MANAGE_PARTNERS }, schema: { querystring: NewPartnerQuery } },
    async (request, reply) => {
      const name = request.query.template;
      if (name === undefined || name === '') {
        const templates = [...context.templates.values()].map((template) => ({ name: template.name, summary: template.summary, link: `/new-partner?template=${template.name}` }));
        return context.page(request, reply, 'new-partner', { choosing: true, templates }, { title: 'New partner from a template', nav: 'partners' });
      }
      return sendForm(request, reply, templateNamed(name), { values: {}, problems: [], problem: null }, 200);
    },
  );

  app.post<{ Body: Static<typeof NewPartnerBody> & Record<string, string> }>(
    '/partners',
    { config: { permission: Permission.MANAGE_PARTNERS }, schema: { body: NewPartnerBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const template = templateNamed(request.body.template);
      const given: Record<string, string> = {};
      for (const variable of template.variables) {
        const value = request.body[`${FIELD_PREFIX}${variable.name}`];
        // Left empty, a variable takes its default, or is reported missing.
        if (typeof value === 'string' && value.trim() !== '') given[variable.name] = value.trim();
      }
      try {
        const profile = newPartnerProfile({ template, values: given, defaultsFile: context.defaultsFile });
        const saved = await saveNewPartner(context.pool, { profile, template, changedBy: user.username });
        return reply.redirect(`/partners/${saved.partner}?created=1`, 303);
      } catch (error) {
        if (error instanceof ProfileRefused) {
          const problems = error.problems.map(({ variable, path, reason }) => ({ variable, field: formatPath(path), reason }));
          return sendForm(request, reply, template, { values: given, problems, problem: 'The partner was not created: fix the values marked below.' }, error.httpStatus);
        }
        if (error instanceof GatewayError && (error.code === 'PARTNER_EXISTS' || error.code === 'PARTNER_IDENTITY_TAKEN')) {
          return sendForm(request, reply, template, { values: given, problems: [], problem: error.message }, error.httpStatus);
        }
        throw error;
      }
    },
  );

  function templateNamed(name: string): ProfileTemplate {
    const template = context.templates.get(name);
    if (!template) throw new GatewayError('REQUEST_INVALID', `There is no template "${name}"; the templates are ${[...context.templates.keys()].join(', ')}.`);
    return template;
  }

  function sendForm(request: FastifyRequest, reply: FastifyReply, template: ProfileTemplate, state: FormState, status: number): FastifyReply {
    const variables = template.variables.map((variable) => {
      const problems = state.problems.filter((problem) => problem.variable === variable.name).map((problem) => problem.reason);
      return {
        name: variable.name,
        field: `${FIELD_PREFIX}${variable.name}`,
        description: variable.description,
        example: variable.example,
        value: state.values[variable.name] ?? variable.default ?? '',
        required: variable.default === undefined,
        problems,
        invalid: problems.length > 0,
      };
    });
    const otherProblems = state.problems.filter((problem) => problem.variable === undefined || !template.variables.some((variable) => variable.name === problem.variable));
    return context.page(
      request,
      reply,
      'new-partner',
      {
        choosing: false,
        template: { name: template.name, summary: template.summary },
        variables,
        problem: state.problem,
        otherProblems: otherProblems.map((problem) => ({ where: problem.field || problem.variable || 'the profile', reason: problem.reason })),
      },
      { title: `New partner from ${template.name}`, nav: 'partners', status },
    );
  }
}
