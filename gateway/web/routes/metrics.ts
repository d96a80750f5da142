import type { FastifyPluginAsync } from 'fastify';
import type { Metrics } from '../../metrics.js';

/** GET /metrics: Prometheus text format. */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics }> = async (app, options) => {
  app.get(
    '/metrics',
    {
      logLevel: 'warn',
      schema: {
        operationId: 'getMetrics',
        summary: 'Files by state, files received, jobs run, HTTP request durations and process figures, for Prometheus.',
        tags: ['gateway'],
        response: { 200: { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => {
      const text = await options.metrics.registry.metrics();
      return reply.type(options.metrics.registry.contentType).send(text);
    },
  );
};
