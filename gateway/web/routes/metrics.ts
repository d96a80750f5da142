import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../../metrics.js';

/** GET /metrics: Prometheus text format. */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics }> = async (app, options) => {
  app.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const text = await options.metrics.registry.metrics();
    return reply.type(options.metrics.registry.contentType).send(text);
  });
};
