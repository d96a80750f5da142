import type { FastifyPluginAsync } from 'fastify';
import type { HealthReport } from '../../health.js';

/** GET /healthz: 200 when the database answers and the scheduler runs, 503 otherwise (and while stopping). */
export const healthRoutes: FastifyPluginAsync<{ health: () => Promise<HealthReport> }> = async (app, options) => {
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
    const report = await options.health();
    return reply.status(report.status === 'ok' ? 200 : 503).send(report);
  });
};
