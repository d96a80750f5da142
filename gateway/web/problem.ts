import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';

/** An RFC 9457 problem body: every API error looks like this, with a catalogued code. */
export interface Problem {
  readonly type: string;
  readonly code: ErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly status: number;
  readonly requestId: string;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const problem: Problem = {
    type: `urn:edi-gateway:error:${error.code}`,
    code: error.code,
    title: errorCatalogue[error.code].summary,
    detail: error.message,
    status: error.httpStatus,
    requestId: request.id,
  };
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** The one place where anything thrown in a route becomes an HTTP answer. */
export function toGatewayError(error: FastifyError | Error): GatewayError {
  if (isGatewayError(error)) return error;
  const validation = (error as FastifyError).validation;
  if (validation) {
    const where = (error as FastifyError).validationContext ?? 'request';
    const details = validation.map((issue) => {
      const params = issue.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
      if (params.additionalProperty) return `${where} parameter "${params.additionalProperty}" is not known`;
      const name = issue.instancePath.replace(/^\//, '') || params.missingProperty || where;
      const rule = params.allowedValues ? `must be one of ${params.allowedValues.join(', ')}` : (issue.message ?? 'is not valid');
      return `${where} parameter "${name}" ${rule}`;
    });
    return new GatewayError('REQUEST_INVALID', details.join('; '));
  }
  return new GatewayError('INTERNAL', 'The request failed unexpectedly.', { cause: error });
}
