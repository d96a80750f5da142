import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool } from '../../gateway/store/pool.js';
import { PartnerProfileSchema } from '../../partners/schema/profile.js';
import { canonicalSchemas } from '../../translators/canonical/documents.js';
import { apiKeyOf } from '../helpers/api-keys.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

let pool: Pool;
let app: FastifyInstance;
/** The Authorization headers of onboarding users: olga's unless a test says whose. */
const as: Record<string, { authorization: string }> = {};

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildTestApp(pool);
  for (const user of ['olga', 'dana']) as[user] = { authorization: `Bearer ${await apiKeyOf(pool, user, 'onboarding')}` };
});
afterAll(async () => {
  await app.close();
  await pool.end();
});

/** One partner per template, each with its own envelope ids. */
const onboarding: Record<string, Record<string, string>> = {
  'carrier-x12-214': { id: 'fastfreight', name: 'Fast Freight Inc.', isaId: 'FFRT', gsId: 'FFRT', odooPartner: 'FASTFREIGHT' },
  'retailer-edifact-d96a': { id: 'euromart', name: 'EuroMart GmbH', unbId: '4000001000005', odooPartner: 'EUROMART' },
  'retailer-x12-4010': { id: 'acme', name: 'ACME Retail', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL', odooPartner: 'ACME' },
  'retailer-x12-5010': { id: 'bigbox', name: 'BigBox Stores', isaId: 'BIGBOX', gsId: 'BIGBOX', odooPartner: 'BIGBOX' },
  'supplier-x12-4010': { id: 'widgetco', name: 'Widget Co.', isaId: 'WIDGETCO', gsId: 'WIDGETCO', odooPartner: 'WIDGETCO' },
};

type Json = Record<string, any>;

async function request(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = as.olga as { authorization: string }) {
  const response = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  return { status: response.statusCode, headers: response.headers, body: response.json() as Json };
}

async function current(partner: string): Promise<Json> {
  return (await request('GET', `/api/partners/${partner}`)).body;
}

/** Every route the app serves (but HEAD), read from Fastify's own route tree: `PUT /api/partners/:id`. */
function servedRoutes(): string[] {
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = /^([│├└─ ]*)(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    prefixes.length = (node[1] as string).length / 4 - 1;
    prefixes.push(node[2] as string);
    for (const method of node[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${prefixes.join('')}`);
  }
  return routes;
}

describe('GET /api/partner-templates', () => {
  it('lists every template with its summary and variables', async () => {
    const { status, body } = await request('GET', '/api/partner-templates');
    expect(status).toBe(200);
    expect(body.templates.map((template: Json) => template.name)).toEqual(Object.keys(onboarding));
    const retailer = body.templates.find((template: Json) => template.name === 'retailer-x12-4010');
    expect(retailer.summary).toContain('X12 004010');
    expect(retailer.variables).toContainEqual({ name: 'isaQualifier', description: expect.stringContaining('ISA05'), example: 'ZZ', default: 'ZZ' });
    expect(retailer.variables.find((variable: Json) => variable.name === 'isaId')).not.toHaveProperty('default');
  });
});

describe('POST /api/partners', () => {
  it.each(Object.entries(onboarding))('creates a partner from template %s, in test usage over the defaults', async (template, values) => {
    const { status, headers, body } = await request('POST', '/api/partners', { template, values });
    expect(status).toBe(201);
    expect(headers.location).toBe(`/api/partners/${values.id}`);
    expect(body).toMatchObject({ partner: values.id, version: 1, changedBy: 'olga', change: `created from template ${template}` });
    expect(body.profile).toMatchObject({ id: values.id, name: values.name, usage: 'test' });
    // Our own ids come from the defaults file, as `partner new` has them.
    expect(JSON.stringify(body.profile.identities.ours)).toMatch(/THREEPL|4012345000009/);
    expect(body.changedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('records who created it: the user whose API key the request carries, never a name the caller gives', async () => {
    const values = { name: 'Globex', isaId: 'GLOBEX', gsId: 'GLOBEX', odooPartner: 'GLOBEX' };
    const byKey = await request('POST', '/api/partners', { template: 'retailer-x12-4010', values: { ...values, id: 'globex' } }, as.dana);
    expect(byKey.body.changedBy).toBe('dana');
    expect(byKey.body.profile.identities.ours.x12.gsId).toBe('THREEPL');
    const named = await request('POST', '/api/partners', { template: 'supplier-x12-4010', values: { ...values, id: 'initech', isaId: 'INITECH', gsId: 'INITECH' }, changedBy: 'sam' });
    expect(named.status).toBe(400);
    expect(named.body.detail).toContain('changedBy');
  });

  it('refuses the same id again (409 PARTNER_EXISTS)', async () => {
    const { status, headers, body } = await request('POST', '/api/partners', { template: 'retailer-x12-4010', values: { ...onboarding['retailer-x12-4010'], isaId: 'OTHER', gsId: 'OTHER' } });
    expect(status).toBe(409);
    expect(headers['content-type']).toContain('application/problem+json');
    expect(body).toMatchObject({ code: 'PARTNER_EXISTS', status: 409, detail: expect.stringContaining('A partner named "acme" already exists') });
  });

  it("refuses another partner's envelope id (409 PARTNER_IDENTITY_TAKEN)", async () => {
    const { status, body } = await request('POST', '/api/partners', { template: 'retailer-x12-4010', values: { ...onboarding['retailer-x12-4010'], id: 'acme2' } });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'PARTNER_IDENTITY_TAKEN', detail: expect.stringContaining('partner "acme"') });
    expect((await request('GET', '/api/partners/acme2')).status).toBe(404);
  });

  it('refuses bad variables with 422, listing each with its variable, field and reason; nothing is stored', async () => {
    const values = { id: 'bad', name: 'Bad', isaId: 'WAY-TOO-LONG-ISA-ID', gsId: 'BAD', odooPartner: 'BAD', productMatch: 'sku' };
    const { status, body } = await request('POST', '/api/partners', { template: 'retailer-x12-4010', values });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'PROFILE_INVALID', status: 422, detail: expect.stringContaining('The partner cannot be made from template retailer-x12-4010') });
    expect(body.problems).toContainEqual({ variable: 'isaId', path: 'identities.partner.x12.isaId', reason: expect.stringContaining('15') });
    expect(body.problems).toContainEqual({ variable: 'productMatch', path: 'odoo.productMatch', reason: expect.stringContaining("'sku'") });
    expect((await request('GET', '/api/partners/bad')).status).toBe(404);

    const missing = await request('POST', '/api/partners', { template: 'retailer-x12-4010', values: { id: 'bad', colour: 'red' } });
    expect(missing.status).toBe(422);
    expect(missing.body.problems).toContainEqual({ variable: 'colour', path: '', reason: expect.stringContaining('is not a variable of template retailer-x12-4010') });
    expect(missing.body.problems).toContainEqual({ variable: 'gsId', path: '', reason: expect.stringContaining('is required') });
  });

  it('refuses an unknown template, an unknown field and a body that is not JSON with 400 REQUEST_INVALID', async () => {
    const unknown = await request('POST', '/api/partners', { template: 'retailer-x12-9999', values: {}, by: 'me' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('REQUEST_INVALID');
    expect(unknown.body.detail).toContain('body parameter "template" must be one of carrier-x12-214, ');
    expect(unknown.body.detail).toContain('body parameter "by" is not known');
    const broken = await app.inject({ method: 'POST', url: '/api/partners', headers: { ...as.olga, 'content-type': 'application/json' }, payload: '{"template": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'REQUEST_INVALID', detail: expect.stringContaining('not valid JSON') });
  });
});

describe('reading partners', () => {
  it('GET /api/partners lists each with its current version, standard, usage and group', async () => {
    const { status, body } = await request('GET', '/api/partners');
    expect(status).toBe(200);
    expect(body.partners.map((partner: Json) => partner.id)).toEqual(['acme', 'bigbox', 'euromart', 'fastfreight', 'globex', 'widgetco']);
    expect(body.partners.find((partner: Json) => partner.id === 'euromart')).toEqual({
      id: 'euromart',
      name: 'EuroMart GmbH',
      currentVersion: 1,
      standard: 'EDIFACT',
      usage: 'test',
      group: null,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('answers an unknown partner or version with 404 PARTNER_NOT_FOUND, and a version that is no number with 400', async () => {
    for (const url of ['/api/partners/ghost', '/api/partners/ghost/versions', '/api/partners/acme/versions/9', '/api/partners/acme/diff?from=1&to=9']) {
      const { status, body } = await request('GET', url);
      expect(status).toBe(404);
      expect(body.code).toBe('PARTNER_NOT_FOUND');
    }
    const notANumber = await request('GET', '/api/partners/acme/versions/latest');
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.detail).toBe('params parameter "version" must be integer');
    const missing = await request('GET', '/api/partners/acme/diff?from=1');
    expect(missing.body.detail).toBe('querystring parameter "to" must have required property \'to\'');
  });
});

describe('PUT /api/partners/:id', () => {
  it('saves a change as a new version and keeps the old one as it was', async () => {
    const before = await current('acme');
    const profile = { ...before.profile, acknowledgments: { ...before.profile.acknowledgments, expect: { ...before.profile.acknowledgments.expect, withinHours: 48 } } };
    const { status, body } = await request('PUT', '/api/partners/acme', { profile, basedOn: 1, change: 'acknowledgments within 48 hours' }, as.dana);
    expect(status).toBe(200);
    expect(body).toMatchObject({ partner: 'acme', version: 2, changedBy: 'dana', change: 'acknowledgments within 48 hours' });
    expect(body.profile.acknowledgments.expect.withinHours).toBe(48);

    expect((await current('acme')).version).toBe(2);
    const old = await request('GET', '/api/partners/acme/versions/1');
    expect(old.body).toEqual(before);

    const history = await request('GET', '/api/partners/acme/versions');
    expect(history.body.partner).toBe('acme');
    expect(history.body.versions).toEqual([
      { version: 1, changedBy: 'olga', change: 'created from template retailer-x12-4010', changedAt: before.changedAt },
      { version: 2, changedBy: 'dana', change: 'acknowledgments within 48 hours', changedAt: body.changedAt },
    ]);

    const diff = await request('GET', '/api/partners/acme/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ partner: 'acme', from: { version: 1 }, to: { version: 2, changedBy: 'dana' } });
    expect(diff.body.changes).toEqual([{ path: 'acknowledgments.expect.withinHours', before: before.profile.acknowledgments.expect.withinHours, after: 48 }]);
  });

  it('refuses a change made from a version that is no longer the current one (409 PARTNER_VERSION_CONFLICT)', async () => {
    const { profile } = await current('acme');
    const { status, body } = await request('PUT', '/api/partners/acme', { profile: { ...profile, name: 'ACME Stale' }, basedOn: 1, change: 'rename' });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'PARTNER_VERSION_CONFLICT', detail: expect.stringContaining('start from version 2') });
    expect((await current('acme')).profile.name).toBe('ACME Retail');
  });

  it('refuses an invalid profile with 422 and the path of every problem', async () => {
    const { profile } = await current('acme');
    const documents = [{ ...profile.documents[0], direction: 'inbound' }, ...profile.documents.slice(1)];
    const { status, body } = await request('PUT', '/api/partners/acme', { profile: { ...profile, documents, colour: 'red' }, basedOn: 2, change: 'broken' });
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'PROFILE_INVALID', detail: expect.stringContaining('The profile of "acme" cannot be saved') });
    expect(body.problems).toContainEqual({ path: 'documents[0].direction', reason: expect.stringContaining("'inbound'") });
    expect(body.problems).toContainEqual({ path: 'colour', reason: expect.stringContaining('is not a field here') });
    expect((await current('acme')).version).toBe(2);
  });

  it("refuses a profile whose id is not the partner's (422 at id)", async () => {
    const { profile } = await current('acme');
    const { status, body } = await request('PUT', '/api/partners/acme', { profile: { ...profile, id: 'acme-new' }, basedOn: 2, change: 'rename' });
    expect(status).toBe(422);
    expect(body.problems).toEqual([{ path: 'id', reason: "must stay 'acme', the partner being changed; got 'acme-new'" }]);
  });

  it("refuses another partner's envelope id (409 PARTNER_IDENTITY_TAKEN), keeping the current version", async () => {
    const { profile } = await current('acme');
    const identities = { ...profile.identities, partner: { x12: { ...profile.identities.partner.x12, isaId: 'BIGBOX', gsId: 'BIGBOX' } } };
    const { status, body } = await request('PUT', '/api/partners/acme', { profile: { ...profile, identities }, basedOn: 2, change: 'ids' });
    expect(status).toBe(409);
    expect(body.code).toBe('PARTNER_IDENTITY_TAKEN');
    expect((await current('acme')).version).toBe(2);
  });

  it('answers an unknown partner with 404, and a body without basedOn with 400', async () => {
    const { profile } = await current('acme');
    const ghost = await request('PUT', '/api/partners/ghost', { profile: { ...profile, id: 'ghost' }, basedOn: 1, change: 'x' });
    expect(ghost.status).toBe(404);
    expect(ghost.body.code).toBe('PARTNER_NOT_FOUND');
    const incomplete = await request('PUT', '/api/partners/acme', { profile, change: 'x' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.detail).toBe('body parameter "basedOn" must have required property \'basedOn\'');
  });
});

describe('JSON Schemas', () => {
  it('serves the partner profile schema and each canonical document schema', async () => {
    const profile = await app.inject({ method: 'GET', url: '/api/schemas/partner-profile' });
    expect(profile.statusCode).toBe(200);
    expect(profile.headers['content-type']).toContain('application/schema+json');
    expect(profile.body).toBe(JSON.stringify(PartnerProfileSchema));
    for (const [kind, schema] of Object.entries(canonicalSchemas)) {
      const response = await app.inject({ method: 'GET', url: `/api/schemas/canonical/${kind}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(JSON.stringify(schema));
    }
    const unknown = await request('GET', '/api/schemas/canonical/purchase-order');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('params parameter "kind" must be one of order, ship-notice');
  });
});

describe('GET /api/openapi.json', () => {
  let document: Json;
  beforeAll(async () => {
    const response = await request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  });

  it('describes every route the gateway serves', () => {
    const described = Object.entries(document.paths as Json).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = servedRoutes();
    expect(served).toEqual(expect.arrayContaining(['GET /api/files', 'PUT /api/partners/:id', 'GET /api/openapi.json', 'GET /healthz']));
    expect(described.sort()).toEqual(served.sort());
  });

  it('is OpenAPI 3.1 with the profile and canonical schemas as components, referenced by the routes', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.schemas)).toEqual(['PartnerProfile', 'Order', 'ShipNotice', 'ShipmentStatus', 'Invoice', 'FunctionalAck', 'Problem']);
    expect(document.components.schemas.PartnerProfile).toEqual(JSON.parse(JSON.stringify(PartnerProfileSchema)));
    expect(document.components.schemas.ShipNotice).toEqual(JSON.parse(JSON.stringify(canonicalSchemas['ship-notice'])));

    const change = document.paths['/api/partners/{id}'].put;
    expect(change.requestBody.content['application/json'].schema.properties.profile).toEqual({ $ref: '#/components/schemas/PartnerProfile' });
    expect(change.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(change.security).toEqual([{ apiKey: [] }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(change.responses['401'].description).toContain('API_KEY_REQUIRED');
    expect(change.responses['403'].description).toContain('ROLE_FORBIDDEN');
    expect(document.paths['/api/openapi.json'].get.security).toBeUndefined();
    expect(change.responses['200'].content['application/json'].schema.properties.profile).toEqual({ $ref: '#/components/schemas/PartnerProfile' });
    expect(change.responses['409'].description).toContain('PARTNER_VERSION_CONFLICT');
    expect(change.responses['409'].description).toContain('PARTNER_IDENTITY_TAKEN');
    expect(change.responses['422'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(document.paths['/api/files'].get.parameters.map((parameter: Json) => parameter.name)).toEqual(['partner', 'state', 'before', 'limit']);

    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]*)"/g)].map((match) => match[1] as string);
    expect(references.length).toBeGreaterThan(0);
    const components = new Set(Object.keys(document.components.schemas).map((name) => `#/components/schemas/${name}`));
    expect(references.filter((reference) => !components.has(reference))).toEqual([]);
  });
});

describe('sample files and promotion', () => {
  const sample = fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12', 'latin1').replace('ACMERETAIL     ', 'SAMPLEMART     ').replace('*ACMERETAIL*', '*SAMPLEMART*');
  const post = (url: string, body: string) => app.inject({ method: 'POST', url, headers: { ...as.dana, 'content-type': 'application/octet-stream' }, payload: Buffer.from(body, 'latin1') });

  beforeAll(async () => {
    const values = { id: 'samplemart', name: 'SampleMart', isaId: 'SAMPLEMART', gsId: 'SAMPLEMART', odooPartner: 'SAMPLEMART' };
    expect((await request('POST', '/api/partners', { template: 'retailer-x12-4010', values })).status).toBe(201);
  });

  it('tests a sample file posted as bytes: a report with where each problem is, and the canonical documents', async () => {
    const bad = await post('/api/partners/samplemart/samples?name=bad.x12', sample.replace('BEG*05*SA*PO-4711*', 'BEG*05*SA**'));
    expect(bad.statusCode).toBe(200);
    const report = bad.json() as Json;
    expect(report).toMatchObject({ partner: 'samplemart', version: 1, fileName: 'bad.x12', passed: false, findings: [] });
    expect(report.documents[0]).toMatchObject({ message: '850', controlNumber: '0001', document: 'order' });
    expect(report.documents[0].findings[0]).toEqual({ where: expect.stringMatching(/^850 0001, segment 2 \(BEG\)/), message: expect.stringContaining('BEG03') });

    const good = await post('/api/partners/samplemart/samples?name=po.x12', sample);
    expect(good.json()).toMatchObject({ passed: true, documents: [{ message: '850', findings: [], canonical: { kind: 'order', orderNumber: 'PO-4711' } }] });

    expect((await post('/api/partners/nobody/samples?name=po.x12', sample)).statusCode).toBe(404);
    expect((await post('/api/partners/samplemart/samples', sample)).statusCode).toBe(400);
  });

  it('promotes only once a sample has passed at the current version', async () => {
    const values = { id: 'untested', name: 'Untested', isaId: 'UNTESTED', gsId: 'UNTESTED', odooPartner: 'UNTESTED' };
    expect((await request('POST', '/api/partners', { template: 'retailer-x12-4010', values })).status).toBe(201);
    const refused = await request('POST', '/api/partners/untested/promote', {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'PARTNER_NOT_READY', detail: expect.stringContaining('no sample has passed at version 1 for order (850)') });

    const promoted = await request('POST', '/api/partners/samplemart/promote', {}, as.dana);
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ version: 2, changedBy: 'dana', profile: { usage: 'production' } });
    expect((await request('POST', '/api/partners/samplemart/promote', {})).status).toBe(409);
  });
});

