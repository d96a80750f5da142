import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { HealthReport } from '../../health.js';

const HealthReportSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('failing'), Type.Literal('stopping')]),
    instance: Type.String({ description: 'The gateway instance that answered.' }),
    uptimeSeconds: Type.Integer(),
    checks: Type.Object({
      database: Type.Object({
        ok: Type.Boolean(),
        latencyMs: Type.Optional(Type.Number({ description: 'How long SELECT 1 took, when it answered.' })),
        error: Type.Optional(Type.String({ description: 'Why it did not, when it did not.' })),
      }),
      scheduler: Type.Object({ ok: Type.Boolean(), runningJobs: Type.Integer() }),
    }),
  },
  { description: 'The database answers and the scheduler runs, or which of them does not.' },
);

/** GET /healthz: 200 when the database answers and the scheduler runs, 503 otherwise (and while stopping). */
export const healthRoutes: FastifyPluginAsync<{ health: () => Promise<HealthReport> }> = async (app, options) => {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the gateway can do its work: for load balancers, Docker and monitoring.',
        tags: ['gateway'],
        response: { 200: HealthReportSchema, 503: HealthReportSchema },
      },
    },
    async (_request, reply) => {
      const report = await options.health();
      return reply.status(report.status === 'ok' ? 200 : 503).send(report);
    },
  );
};
