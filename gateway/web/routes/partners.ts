import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { changeProfile } from '../../partners/change-profile.js';
import { promotePartner } from '../../partners/promote-partner.js';
import { testPartnerSample } from '../../partners/sample-tests.js';
import { diffProfileVersions, requireProfileHistory, requireProfileVersion } from '../../partners/profile-versions.js';
import type { Pool } from '../../store/pool.js';
import { listProfiles } from '../../store/sql/partner-profiles.js';
import { Permission } from '../../users/roles.js';
import { PartnerProfileRef } from '../api-schemas.js';
import { apiActor } from '../api-guard.js';
import {
  FieldChangeSchema,
  fieldChangeView,
  PartnerSummarySchema,
  partnerSummaryView,
  ProfileVersionSchema,
  profileVersionView,
  VersionEntrySchema,
  versionEntryView,
} from '../partner-views.js';
import { problemResponses } from '../problem.js';

// Partner profiles: the list, a profile and its history, a new version from a whole profile, a dry run of a
// sample file, and promotion to production. Creating one from a template is in partner-templates.ts.

/** A version number; the store keeps it as a PostgreSQL integer. */
const VersionNumber = (description: string) => Type.Integer({ minimum: 1, maximum: 2_147_483_647, description });

const PartnerParams = Type.Object({ id: Type.String({ description: "The partner's id." }) });
const VersionParams = Type.Object({ ...PartnerParams.properties, version: VersionNumber('The version.') });
const DiffQuery = Type.Object(
  { from: VersionNumber('The version to compare from.'), to: VersionNumber('The version to compare to.') },
  { additionalProperties: false },
);
const ProfileEditBody = Type.Object(
  {
    profile: PartnerProfileRef,
    basedOn: VersionNumber('The version the edit started from; when another change was saved since, the edit is refused (409) rather than undoing it.'),
    change: Type.String({ minLength: 1, maxLength: 500, description: 'What changed, in words, for the history: "usage test -> production".' }),
  },
  { additionalProperties: false },
);

const SampleQuery = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, description: 'The sample file\'s name, for the report and the partner\'s history.' }),
    version: Type.Optional(VersionNumber('Test against this version of the profile; the current one when left out.')),
  },
  { additionalProperties: false },
);
const Finding = Type.Object({
  where: Type.String({ description: "Where: the set or message ('850 0001'), a segment in it, or the interchange; empty for the file." }),
  message: Type.String({ description: 'What is wrong, in words.' }),
});
const SampleReportSchema = Type.Object({
  partner: Type.String(),
  version: Type.Integer({ description: 'The profile version the file was tested against.' }),
  fileName: Type.String(),
  passed: Type.Boolean({ description: 'Whether the file would be taken, validated and translated without a problem.' }),
  findings: Type.Array(Finding, { description: 'What is wrong with the file as a whole: not EDI, not from this partner, another version.' }),
  documents: Type.Array(
    Type.Object({
      message: Type.String({ description: "The transaction set or message: '850', 'ORDERS'." }),
      controlNumber: Type.String(),
      document: Type.Optional(Type.String({ description: 'The business document it carries.' })),
      findings: Type.Array(Finding),
      canonical: Type.Optional(Type.Unknown({ description: 'The canonical document, when it translated (see /api/schemas/canonical/{kind}).' })),
    }),
  ),
});
/** The media types a sample file may be posted as; its bytes are read as they are. */
const SAMPLE_TYPES = ['application/octet-stream', 'application/edi-x12', 'application/edifact'];

const tags = ['partners'];

export const partnersRoutes: FastifyPluginAsync<{ pool: Pool }> = async (app, { pool }) => {
  app.addContentTypeParser(SAMPLE_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get(
    '/api/partners',
    {
      schema: {
        operationId: 'listPartners',
        summary: 'The partners, each with its current version, standard, usage and group.',
        tags,
        response: { 200: Type.Object({ partners: Type.Array(PartnerSummarySchema) }) },
      },
    },
    async () => ({ partners: (await listProfiles(pool)).map(partnerSummaryView) }),
  );

  app.get<{ Params: Static<typeof PartnerParams> }>(
    '/api/partners/:id',
    {
      schema: {
        operationId: 'getPartner',
        summary: "A partner's current profile, with its version.",
        tags,
        params: PartnerParams,
        response: { 200: ProfileVersionSchema, ...problemResponses('PARTNER_NOT_FOUND') },
      },
    },
    async (request) => profileVersionView(await requireProfileVersion(pool, request.params.id)),
  );

  app.put<{ Params: Static<typeof PartnerParams>; Body: Static<typeof ProfileEditBody> }>(
    '/api/partners/:id',
    {
      config: { permission: Permission.MANAGE_PARTNERS },
      schema: {
        operationId: 'changePartner',
        summary: "A new version of a partner's profile, from the whole profile; the previous versions stay as they were.",
        tags,
        params: PartnerParams,
        body: ProfileEditBody,
        response: {
          200: ProfileVersionSchema,
          ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND', 'PARTNER_VERSION_CONFLICT', 'PARTNER_IDENTITY_TAKEN', 'PROFILE_INVALID'),
        },
      },
    },
    async (request) => {
      const { profile, basedOn, change } = request.body;
      const saved = await changeProfile(pool, { partner: request.params.id, profile, basedOn, change, changedBy: apiActor(request) });
      return profileVersionView(saved);
    },
  );

  app.get<{ Params: Static<typeof PartnerParams> }>(
    '/api/partners/:id/versions',
    {
      schema: {
        operationId: 'listPartnerVersions',
        summary: "A partner's versions, oldest first: who changed what, and when.",
        tags,
        params: PartnerParams,
        response: { 200: Type.Object({ partner: Type.String(), versions: Type.Array(VersionEntrySchema) }), ...problemResponses('PARTNER_NOT_FOUND') },
      },
    },
    async (request) => ({ partner: request.params.id, versions: (await requireProfileHistory(pool, request.params.id)).map(versionEntryView) }),
  );

  app.get<{ Params: Static<typeof VersionParams> }>(
    '/api/partners/:id/versions/:version',
    {
      schema: {
        operationId: 'getPartnerVersion',
        summary: "A version of a partner's profile.",
        tags,
        params: VersionParams,
        response: { 200: ProfileVersionSchema, ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND') },
      },
    },
    async (request) => profileVersionView(await requireProfileVersion(pool, request.params.id, request.params.version)),
  );

  app.get<{ Params: Static<typeof PartnerParams>; Querystring: Static<typeof DiffQuery> }>(
    '/api/partners/:id/diff',
    {
      schema: {
        operationId: 'diffPartnerVersions',
        summary: "What changed in a partner's profile between two versions, field by field.",
        tags,
        params: PartnerParams,
        querystring: DiffQuery,
        response: {
          200: Type.Object({ partner: Type.String(), from: VersionEntrySchema, to: VersionEntrySchema, changes: Type.Array(FieldChangeSchema) }),
          ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND'),
        },
      },
    },
    async (request) => {
      const diff = await diffProfileVersions(pool, request.params.id, request.query.from, request.query.to);
      return { partner: request.params.id, from: versionEntryView(diff.from), to: versionEntryView(diff.to), changes: diff.changes.map(fieldChangeView) };
    },
  );

  app.post<{ Params: Static<typeof PartnerParams>; Querystring: Static<typeof SampleQuery> }>(
    '/api/partners/:id/samples',
    {
      config: { permission: Permission.MANAGE_PARTNERS },
      schema: {
        operationId: 'testPartnerSample',
        summary: "A dry run of a sample file (the body, as application/octet-stream) through the partner's profile: envelope ids, validation with its guide, translation. Kept in the partner's history; promotion asks for passing samples.",
        tags,
        params: PartnerParams,
        querystring: SampleQuery,
        consumes: SAMPLE_TYPES,
        response: { 200: SampleReportSchema, ...problemResponses('REQUEST_INVALID', 'PARTNER_NOT_FOUND') },
      },
    },
    async (request) => {
      const bytes = request.body as Buffer;
      const { version, name } = request.query;
      const test = await testPartnerSample(pool, { partner: request.params.id, ...(version === undefined ? {} : { version }), fileName: name, bytes, testedBy: apiActor(request) });
      return { partner: test.partner, version: test.version, fileName: test.fileName, ...test.report };
    },
  );

  app.post<{ Params: Static<typeof PartnerParams> }>(
    '/api/partners/:id/promote',
    {
      config: { permission: Permission.MANAGE_PARTNERS },
      schema: {
        operationId: 'promotePartner',
        summary: 'Test to production, as a new profile version; refused until every document the partner sends has a passing sample at its current version.',
        tags,
        params: PartnerParams,
        response: { 200: ProfileVersionSchema, ...problemResponses('PARTNER_NOT_FOUND', 'PARTNER_NOT_READY') },
      },
    },
    async (request) => profileVersionView(await promotePartner(pool, request.params.id, apiActor(request))),
  );
};
