import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { GatewayError } from '../errors/gateway-error.js';
import type { Config } from '../config/settings.js';
import type { RetryNudges } from '../exceptions/resolve-exception.js';
import type { HealthReport } from '../health.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Pool } from '../store/pool.js';
import { as2Routes, type As2RouteOptions } from '../transports/as2/as2-routes.js';
import { addApiGuard } from './api-guard.js';
import { addSharedSchemas } from './api-schemas.js';
import { dashboardRoutes, type DashboardOptions } from './dashboard/dashboard.js';
import { recordRoutes } from './openapi.js';
import { sendProblem, toGatewayError } from './problem.js';
import { documentsRoutes } from './routes/documents.js';
import { exceptionsRoutes } from './routes/exceptions.js';
import { filesRoutes } from './routes/files.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { partnerTemplatesRoutes } from './routes/partner-templates.js';
import { partnersRoutes } from './routes/partners.js';
import { schemasRoutes } from './routes/schemas.js';

export interface AppDeps {
  readonly pool: Pool;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly health: () => Promise<HealthReport>;
  readonly partners: Pick<Config['partners'], 'defaultsFile'>;
  /** Serves the AS2 route when given. */
  readonly as2?: Omit<As2RouteOptions, 'log'>;
  /** Serves the dashboard under / when given. */
  readonly dashboard?: Omit<DashboardOptions, 'pool' | 'defaultsFile'>;
  /** How an exception resolved with RETRY gets its step run at once; without them the sweep takes it up. */
  readonly retryNudges?: RetryNudges;
  /** The instance's name, for the events of the steps a request runs at once (rendering and delivering a document it sends). */
  readonly instance?: string;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** The HTTP API, built without listening: start-up calls listen(), tests call inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    requestIdHeader: false,
    // A caller's X-Request-Id is kept (so a partner's or a proxy's id can be followed) when it is safe to log.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Every wrong parameter is named at once, and an unknown one (a misspelt filter) is an error, not dropped.
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  });

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpRequests.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.setErrorHandler((error, request, reply) => {
    const problem = toGatewayError(error as Error);
    if (problem.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new GatewayError('NOT_FOUND', `Nothing is served at ${request.method} ${request.url}.`)),
  );

  addSharedSchemas(app);
  // Before the routes are recorded: the dashboard's pages and forms are not the API the OpenAPI description is about.
  if (deps.dashboard) await app.register(dashboardRoutes, { ...deps.dashboard, pool: deps.pool, defaultsFile: deps.partners.defaultsFile });
  const routes = recordRoutes(app);
  await app.register(healthRoutes, { health: deps.health });
  await app.register(metricsRoutes, { metrics: deps.metrics });
  // The API proper, each request with an API key; the description of the API and its schemas stay open.
  await app.register(async (api) => {
    addApiGuard(api, { pool: deps.pool });
    await api.register(filesRoutes, { pool: deps.pool, instance: deps.instance ?? 'api' });
    await api.register(exceptionsRoutes, { pool: deps.pool, nudges: deps.retryNudges });
    await api.register(documentsRoutes, { pool: deps.pool, actor: deps.instance ?? 'api', log: deps.log });
    await api.register(partnersRoutes, { pool: deps.pool });
    await api.register(partnerTemplatesRoutes, { pool: deps.pool, defaultsFile: deps.partners.defaultsFile });
  });
  if (deps.as2) await app.register(as2Routes, { ...deps.as2, log: deps.log });
  await app.register(schemasRoutes);
  await app.register(openApiRoutes, { routes });
  return app;
}
