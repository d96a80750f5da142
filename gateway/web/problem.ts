import { Type, type Static } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { formatPath } from '../../partners/profile-problem.js';
import { errorCatalogue, type ErrorCode } from '../errors/catalogue.js';
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';
import { ProfileRefused } from '../partners/profile-refused.js';

/** An RFC 9457 problem body: every API error looks like this, with a catalogued code. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:edi-gateway:error:<code>' }),
    code: Type.Unsafe<ErrorCode>({ type: 'string', enum: Object.keys(errorCatalogue), description: 'What went wrong, as the README\'s "Error codes" table lists it.' }),
    title: Type.String({ description: "The code's summary, in plain words." }),
    detail: Type.String({ description: 'What is wrong in this request, and where.' }),
    status: Type.Integer({ description: 'The HTTP status.' }),
    requestId: Type.String({ description: "The request's X-Request-Id: what the gateway's log records it under." }),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          variable: Type.Optional(Type.String({ description: 'The template variable whose value is wrong, when one gave it.' })),
          path: Type.String({ description: 'The field of the profile, as documents[0].direction; empty for the whole.' }),
          reason: Type.String({ description: 'What is wrong with it.' }),
        }),
        { description: 'PROFILE_INVALID: every problem found, each at its field.' },
      ),
    ),
  },
  { $id: 'Problem', description: 'An RFC 9457 problem: what went wrong, with a code from the error catalogue.' },
);

export type Problem = Static<typeof ProblemSchema>;

/**
 * The problem answers a route can give, for its `response` schema: one per status, saying which codes it
 * stands for, so the OpenAPI description lists them.
 */
export function problemResponses(...codes: readonly ErrorCode[]): Record<number, object> {
  const responses: Record<number, { description: string; content: object }> = {};
  for (const code of codes) {
    const { httpStatus, summary } = errorCatalogue[code];
    const described = responses[httpStatus]?.description;
    responses[httpStatus] = {
      description: described ? `${described} ${code}: ${summary}` : `${code}: ${summary}`,
      content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
    };
  }
  return responses;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const problem: Problem = {
    type: `urn:edi-gateway:error:${error.code}`,
    code: error.code,
    title: errorCatalogue[error.code].summary,
    detail: error.message,
    status: error.httpStatus,
    requestId: request.id,
    ...(error instanceof ProfileRefused
      ? { problems: error.problems.map(({ variable, path, reason }) => ({ ...(variable === undefined ? {} : { variable }), path: formatPath(path), reason })) }
      : {}),
  };
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** The one place where anything thrown in a route becomes an HTTP answer. */
export function toGatewayError(error: FastifyError | Error): GatewayError {
  if (isGatewayError(error)) return error;
  const { validation, statusCode } = error as FastifyError;
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
  // What Fastify refuses before a route runs (a body that is not JSON, of a type it does not read) is the caller's to fix.
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return new GatewayError('REQUEST_INVALID', `The request cannot be read: ${error.message}.`);
  return new GatewayError('INTERNAL', 'The request failed unexpectedly.', { cause: error });
}
