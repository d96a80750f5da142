import { STATUS_CODES } from 'node:http';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { gatewayVersion } from '../version.js';
import { componentSchemas } from './api-schemas.js';

declare module 'fastify' {
  interface FastifySchema {
    /** The media types of a route that takes raw bytes rather than JSON (a sample file), for its OpenAPI request body. */
    consumes?: readonly string[];
  }
}

// The OpenAPI description is made from the routes as they are registered, from the same `schema` objects
// Fastify checks requests with, so it cannot drift from what the gateway serves.

declare module 'fastify' {
  interface FastifySchema {
    /** The operation's one-line summary in the OpenAPI description; Fastify itself ignores these. */
    summary?: string;
    description?: string;
    tags?: readonly string[];
    operationId?: string;
    /** The OpenAPI security requirement of the operation: which scheme of components.securitySchemes it takes. */
    security?: readonly Record<string, readonly string[]>[];
  }
}

/** The name of the API key scheme in the OpenAPI description. */
export const API_KEY_SCHEME = 'apiKey';

export interface RecordedRoute {
  readonly method: string;
  readonly url: string;
  readonly schema: FastifySchema | undefined;
}

interface ObjectSchema {
  readonly properties?: Readonly<Record<string, { readonly description?: string }>>;
  readonly required?: readonly string[];
}

/**
 * Keeps every route as it is registered: call before any is. HEAD routes are left out, as Fastify answers
 * HEAD for every GET by itself.
 */
export function recordRoutes(app: FastifyInstance): readonly RecordedRoute[] {
  const routes: RecordedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, schema: route.schema });
  });
  return routes;
}

/** The OpenAPI 3.1 description of these routes. */
export function openApiDocument(routes: readonly RecordedRoute[]): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route.schema ?? {}) };
  }
  return published({
    openapi: '3.1.0',
    info: {
      title: 'edi-gateway',
      version: gatewayVersion(),
      description: 'The EDI gateway: received files, trading-partner profiles and the JSON Schemas of profiles and canonical documents. Errors are RFC 9457 problems.',
    },
    paths,
    components: {
      schemas: componentSchemas,
      securitySchemes: {
        [API_KEY_SCHEME]: { type: 'http', scheme: 'bearer', description: "A user's API key (edi-gateway user key add); the request acts with that user's role." },
      },
    },
  });
}

function operation({ summary, description, tags, operationId, params, querystring, headers, body, consumes, response, security }: FastifySchema): object {
  const parameters = [...parametersOf(params, 'path'), ...parametersOf(querystring, 'query'), ...parametersOf(headers, 'header')];
  return {
    operationId,
    summary,
    description,
    tags,
    parameters: parameters.length > 0 ? parameters : undefined,
    security,
    requestBody: requestBodyOf(body, consumes),
    responses: response === undefined ? undefined : Object.fromEntries(Object.entries(response as object).map(([status, answer]) => [status, responseOf(status, answer as object)])),
  };
}

/** A JSON body by its schema; a route that takes raw bytes (a file) lists its media types in `consumes` instead. */
function requestBodyOf(body: unknown, consumes: readonly string[] | undefined): object | undefined {
  if (body !== undefined) return { required: true, content: { 'application/json': { schema: body } } };
  if (consumes === undefined) return undefined;
  return { required: true, content: Object.fromEntries(consumes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) };
}

function parametersOf(schema: unknown, where: 'path' | 'query' | 'header'): object[] {
  const { properties = {}, required = [] } = (schema ?? {}) as ObjectSchema;
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    description,
    schema: rest,
  }));
}

/** A route's response is a schema (JSON), or `{ description, content }` by media type as Fastify also takes it. */
function responseOf(status: string, answer: { readonly description?: string; readonly content?: object }): object {
  const description = answer.description ?? STATUS_CODES[Number(status)] ?? status;
  return { description, content: answer.content ?? { 'application/json': { schema: answer } } };
}

/**
 * A plain JSON copy: without what JSON leaves out anyway (undefined, TypeBox's symbols), with `$id`s
 * dropped (in the description a schema is known by its key under components.schemas) and Fastify's
 * references to shared schemas (`Problem#`) pointing there.
 */
function published<T>(value: T): T;
function published(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(published);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || key === '$id') continue;
    const shared = key === '$ref' && typeof item === 'string' ? /^(\w+)#$/.exec(item) : null;
    copy[key] = shared ? `#/components/schemas/${shared[1]}` : published(item);
  }
  return copy;
}
