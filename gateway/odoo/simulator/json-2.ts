import type { FastifyInstance, FastifyReply } from 'fastify';
import { bindJson2 } from './bind-arguments.js';
import type { SimulatorCore } from './core.js';
import { resolveMethod, runCall } from './dispatch.js';
import { asOdooError, badRequest, json2ErrorBody, notFound, unauthorized, type OdooError } from './errors.js';
import { dropConnection, mimeType } from './http-replies.js';

function sendError(reply: FastifyReply, error: OdooError): FastifyReply {
  const { status, body } = json2ErrorBody(error);
  if (status === 401) reply.header('www-authenticate', 'bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

function parseBody(contentType: string | undefined, raw: unknown): Record<string, unknown> {
  if (mimeType(contentType) !== 'application/json') throw badRequest('could not parse the body: the content type must be application/json');
  let body: unknown;
  try {
    body = JSON.parse(String(raw ?? ''));
  } catch {
    throw badRequest('could not parse the body, was it JSON?');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('could not parse the body, it must be a JSON object');
  return body as Record<string, unknown>;
}

/** POST /json/2/<model>/<method> (Odoo 19): bearer API key, named parameters, HTTP statuses of reference 1.4. */
export function registerJson2(app: FastifyInstance, core: SimulatorCore): void {
  app.all('/json/2/*', async (request, reply) => {
    const parts = String((request.params as Record<string, string>)['*'] ?? '').split('/');
    try {
      if (request.method !== 'POST' || parts.length !== 2 || !parts[0] || !parts[1]) throw notFound('Did you mean POST /json/2/<model>/<method>?');
      const uid = core.auth.bearer(request.headers.authorization);
      if (uid === undefined) throw unauthorized();
      const database = request.headers['x-odoo-database'];
      if (database !== undefined && database !== core.auth.database) throw notFound(`database ${JSON.stringify(String(database))} not found`);
      const body = parseBody(request.headers['content-type'], request.body);
      const resolved = resolveMethod(core, parts[0], parts[1]);
      const bound = bindJson2(resolved, core.version, body);
      const result = runCall(core, uid, resolved, bound, 'json2');
      if (core.faults.takeDrop(resolved.model.name, resolved.name)) return dropConnection(reply);
      return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(result ?? null));
    } catch (error) {
      return sendError(reply, asOdooError(error));
    }
  });
}
