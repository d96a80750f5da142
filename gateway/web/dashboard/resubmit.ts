import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { GatewayError } from '../../errors/gateway-error.js';
import { resubmitDocument } from '../../outbound/resubmit-document.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { filled, linkTo } from './list-links.js';
import { signedIn } from './session-guard.js';

// Resubmitting a document we sent, from the acknowledgments list or the document's page: the outbound module
// stores the new attempt (new control numbers, same canonical document) with its events under the signed-in
// user, and the outbound sweep renders and delivers it. Refused to a role without the right, and to a form
// without the session's CSRF token, by the session guard.

const Params = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,18}$' }) });
const Body = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  _csrf: Type.Optional(Type.String()),
});

export function resubmitAction(app: FastifyInstance, context: DashboardContext): void {
  app.post<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>(
    '/documents/outbound/:id/resubmit',
    { config: { permission: Permission.ACT_ON_EXCEPTIONS }, schema: { params: Params, body: Body } },
    async (request, reply) => {
      const user = signedIn(request);
      const reason = filled(request.body.reason);
      if (reason === undefined) throw new GatewayError('REQUEST_INVALID', `Resubmitting document ${request.params.id} needs a reason, in words, for its history.`);
      const resubmission = await resubmitDocument(context.pool, request.params.id, { actor: user.username, reason });
      // The document's page, whose timeline shows the new attempt.
      return reply.redirect(linkTo(`/documents/outbound/${request.params.id}`, { resubmitted: resubmission.id }), 303);
    },
  );
}
