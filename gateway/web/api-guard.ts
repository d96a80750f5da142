import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayError } from '../errors/gateway-error.js';
import type { Pool } from '../store/pool.js';
import type { ApiCaller } from '../store/sql/api-keys.js';
import { callerOfKey } from '../users/api-keys.js';
import { allows, Permission } from '../users/roles.js';
import { API_KEY_SCHEME } from './openapi.js';
import { problemResponses } from './problem.js';

// Every API request passes here: the API key its Authorization header carries (a user's, acting with the
// user's role) and the permission its route names, as the dashboard's pages do with a session. Reading
// takes the view right unless the route names another; a route that changes anything must name its own,
// or it is refused, so a route cannot be left open by forgetting it. No CSRF token is asked: a browser
// never adds the header by itself, so another site cannot make one carry a key.

const callers = new WeakMap<FastifyRequest, ApiCaller>();

/** Who made the request: the user whose key it carried. Only on a route that is not public. */
export function apiCaller(request: FastifyRequest): ApiCaller {
  const caller = callers.get(request);
  if (!caller) throw new GatewayError('API_KEY_REQUIRED', 'This route needs an API key.');
  return caller;
}

/** The name events record for what the request changes. */
export function apiActor(request: FastifyRequest): string {
  return apiCaller(request).username;
}

const BEARER = /^Bearer[ ]+(\S+)$/i;

export function addApiGuard(app: FastifyInstance, { pool }: { readonly pool: Pool }): void {
  app.addHook('onRoute', (route) => {
    const reads = [route.method].flat().every((method) => method === 'GET' || method === 'HEAD');
    route.config = { ...route.config, permission: route.config?.permission ?? (reads ? Permission.VIEW : undefined) };
    // Changed in place: the OpenAPI description keeps this same schema object.
    if (route.schema) {
      route.schema.security = [{ [API_KEY_SCHEME]: [] }];
      route.schema.response = { ...problemResponses('API_KEY_REQUIRED', 'API_KEY_INVALID', 'ROLE_FORBIDDEN'), ...(route.schema.response as object | undefined) };
    }
  });
  app.addHook('onRequest', async function apiKey(request, reply) {
    const { permission } = request.routeOptions.config;
    if (permission === 'public') return;
    if (permission === undefined) throw new GatewayError('INTERNAL', `The API route ${request.method} ${request.routeOptions.url} declares no permission.`);
    const header = request.headers.authorization;
    if (header === undefined) {
      reply.header('www-authenticate', 'Bearer realm="edi-gateway"');
      throw new GatewayError('API_KEY_REQUIRED', 'Send an API key as "Authorization: Bearer <key>"; an admin makes one with: edi-gateway user key add USER --name WHAT-USES-IT.');
    }
    const key = BEARER.exec(header)?.[1];
    const caller = key === undefined ? undefined : await callerOfKey(pool, key);
    if (!caller) {
      reply.header('www-authenticate', 'Bearer realm="edi-gateway", error="invalid_token"');
      throw new GatewayError('API_KEY_INVALID', key === undefined ? 'The Authorization header is not "Bearer <key>".' : 'The API key is unknown or revoked, or its user is disabled.');
    }
    callers.set(request, caller);
    if (!allows(caller.role, permission)) throw new GatewayError('ROLE_FORBIDDEN', `The role of ${caller.username} (${caller.role}) does not allow this: it takes the "${permission}" right.`);
  });
}
