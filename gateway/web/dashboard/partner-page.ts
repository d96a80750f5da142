import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'yaml';
import { formatPath } from '../../../partners/profile-problem.js';
import type { SampleReport } from '../../../partners/test-sample.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { promotePartner } from '../../partners/promote-partner.js';
import { diffProfileVersions, requireProfileHistory, requireProfileVersion, type VersionDiff } from '../../partners/profile-versions.js';
import { SAMPLE_TESTED, testPartnerSample } from '../../partners/sample-tests.js';
import type { ProfileVersion } from '../../store/sql/partner-profiles.js';
import { documentsPassedAt, lastFileOf, recentPartnerEvents } from '../../store/sql/partner-activity.js';
import { Permission } from '../../users/roles.js';
import type { DashboardContext } from './context.js';
import { isUploadedFile, type FormFields } from './form-data.js';
import { linkTo } from './list-links.js';
import { partnerHealth } from './partner-health.js';
import { signedIn } from './session-guard.js';
import { showOptionalTime, showTime } from './time.js';

// A partner's page: how its transports stand and how it acknowledged what we sent it, its profile (any
// version), its versions and what changed between two, the sample files tested and whether each document it
// sends has passed at the current version; and, for those who may manage partners, a sample file to test and
// the promotion to production.

const PartnerParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' }) });
const Version = { type: 'string', pattern: '^([1-9][0-9]{0,8})?$' };
const PartnerQuery = Type.Object(
  {
    version: Type.Optional(Type.Unsafe<string>(Version)),
    from: Type.Optional(Type.Unsafe<string>(Version)),
    to: Type.Optional(Type.Unsafe<string>(Version)),
    created: Type.Optional(Type.String({ maxLength: 10 })),
    promoted: Type.Optional(Type.Unsafe<string>(Version)),
  },
  { additionalProperties: false },
);
const PromoteBody = Type.Object({ _csrf: Type.Optional(Type.String()) });

const SAMPLE_FIELD = 'sample';

/** What the partner page shows besides the partner's current version. */
interface PartnerView {
  readonly history: readonly ProfileVersion[];
  /** The version whose profile is shown. */
  readonly shown: ProfileVersion;
  readonly diff: VersionDiff | undefined;
  readonly notice: string | null;
  readonly problem: string | null;
  readonly status: number;
}
const RECENT_SAMPLES = 20;

export function partnerPage(app: FastifyInstance, context: DashboardContext): void {
  const { pool } = context;

  app.get<{ Params: Static<typeof PartnerParams>; Querystring: Static<typeof PartnerQuery> }>(
    '/partners/:id',
    { config: { permission: Permission.VIEW }, schema: { params: PartnerParams, querystring: PartnerQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const { version, from, to, created, promoted } = request.query;
      const history = await requireProfileHistory(pool, id);
      const current = history.at(-1) as ProfileVersion;
      const shown = version ? await requireProfileVersion(pool, id, Number(version)) : current;
      const diff = from && to ? await diffProfileVersions(pool, id, Number(from), Number(to)) : undefined;
      const notice = created ? `Partner ${id} created, version 1, in test.` : promoted ? `Partner ${id} is in production from version ${promoted}.` : null;
      return sendPartner(request, reply, current, { history, shown, diff, notice, problem: null, status: 200 });
    },
  );

  app.post<{ Params: Static<typeof PartnerParams> }>(
    '/partners/:id/samples',
    { config: { permission: Permission.MANAGE_PARTNERS }, schema: { params: PartnerParams } },
    async (request, reply) => {
      const user = signedIn(request);
      const { id } = request.params;
      const file = (request.body as FormFields | undefined)?.[SAMPLE_FIELD];
      if (!isUploadedFile(file) || file.bytes.length === 0) throw new GatewayError('REQUEST_INVALID', 'Choose a sample file to test; the form came without one, or with an empty one.');
      const fileName = (file.name || 'sample').slice(0, 255);
      const test = await testPartnerSample(pool, { partner: id, fileName, bytes: file.bytes, testedBy: user.username });
      const current = await requireProfileVersion(pool, id);
      const readiness = await readinessOf(current);
      return context.page(
        request,
        reply,
        'sample-report',
        {
          partner: { id, name: current.profile.name, link: `/partners/${id}` },
          version: test.version,
          fileName: test.fileName,
          report: reportView(test.report),
          promotable: current.profile.usage === 'test' && readiness.ready,
        },
        { title: `Sample ${test.fileName} for ${current.profile.name}`, nav: 'partners' },
      );
    },
  );

  app.post<{ Params: Static<typeof PartnerParams>; Body: Static<typeof PromoteBody> }>(
    '/partners/:id/promote',
    { config: { permission: Permission.MANAGE_PARTNERS }, schema: { params: PartnerParams, body: PromoteBody } },
    async (request, reply) => {
      const user = signedIn(request);
      const { id } = request.params;
      try {
        const promotedTo = await promotePartner(pool, id, user.username);
        return reply.redirect(linkTo(`/partners/${id}`, { promoted: String(promotedTo.version) }), 303);
      } catch (error) {
        if (!(error instanceof GatewayError) || error.code !== 'PARTNER_NOT_READY') throw error;
        const history = await requireProfileHistory(pool, id);
        const current = history.at(-1) as ProfileVersion;
        return sendPartner(request, reply, current, { history, shown: current, diff: undefined, notice: null, problem: error.message, status: error.httpStatus });
      }
    },
  );

  /** Which documents the partner sends us, and whether each has passed a sample test at the current version. */
  async function readinessOf(current: ProfileVersion) {
    const passed = new Set(await documentsPassedAt(pool, current.partner, SAMPLE_TESTED, current.version));
    const documents = current.profile.documents
      .filter((entry) => entry.direction === 'in')
      .map((entry) => ({ document: entry.document, message: entry.message, passed: passed.has(entry.document) }));
    return { documents, ready: documents.length > 0 && documents.every((entry) => entry.passed) };
  }

  async function sendPartner(request: FastifyRequest, reply: FastifyReply, current: ProfileVersion, view: PartnerView): Promise<FastifyReply> {
    const user = signedIn(request);
    const zone = user.timeZone;
    const id = current.partner;
    const [readiness, samples, lastFileAt, health] = await Promise.all([
      readinessOf(current),
      recentPartnerEvents(pool, id, [SAMPLE_TESTED], RECENT_SAMPLES),
      lastFileOf(pool, id),
      partnerHealth(pool, id, current.profile, context.clock(), zone),
    ]);
    const { diff, shown } = view;
    return context.page(
      request,
      reply,
      'partner',
      {
        partner: {
          id,
          name: current.profile.name,
          standard: current.profile.standard,
          version: current.profile.version,
          usage: current.profile.usage,
          production: current.profile.usage === 'production',
          currentVersion: current.version,
          lastFileAt: showOptionalTime(lastFileAt, zone),
          filesLink: linkTo('/files', { partner: id }),
          exceptionsLink: linkTo('/exceptions', { partner: id }),
          samplesUrl: `/partners/${id}/samples`,
          promoteUrl: `/partners/${id}/promote`,
        },
        notice: view.notice,
        problem: view.problem,
        health,
        readiness,
        promotable: current.profile.usage === 'test' && readiness.ready,
        inTest: current.profile.usage === 'test',
        shown: {
          version: shown.version,
          current: shown.version === current.version,
          yaml: stringify(shown.profile),
        },
        versions: [...view.history].reverse().map((entry) => ({
          version: entry.version,
          changedBy: entry.changedBy,
          change: entry.change,
          changedAt: showTime(entry.changedAt, zone),
          showLink: linkTo(`/partners/${id}`, { version: String(entry.version) }),
          diffLink: entry.version > 1 ? linkTo(`/partners/${id}`, { from: String(entry.version - 1), to: String(entry.version) }) : null,
        })),
        versionChoices: view.history.map((entry) => ({
          version: entry.version,
          from: entry.version === (diff?.from.version ?? Math.max(1, current.version - 1)),
          to: entry.version === (diff?.to.version ?? current.version),
        })),
        diff: diff
          ? {
              from: diff.from.version,
              to: diff.to.version,
              changes: diff.changes.map((change) => ({
                path: formatPath(change.path),
                before: change.before === undefined ? null : JSON.stringify(change.before),
                after: change.after === undefined ? null : JSON.stringify(change.after),
              })),
            }
          : null,
        samples: samples.map((event) => {
          const details = event.details as { version?: number; fileName?: string; passed?: boolean; documents?: string[] };
          return {
            at: showTime(event.at, zone),
            by: event.actor,
            fileName: details.fileName ?? '',
            version: details.version ?? null,
            passed: details.passed === true,
            documents: (details.documents ?? []).join(', '),
          };
        }),
      },
      { title: `${current.profile.name} (${id})`, nav: 'partners', status: view.status },
    );
  }
}

function reportView(report: SampleReport) {
  return {
    passed: report.passed,
    findings: report.findings.map((finding) => ({ where: finding.where || 'the file', message: finding.message })),
    documents: report.documents.map((document) => ({
      message: document.message,
      controlNumber: document.controlNumber,
      document: document.document ?? null,
      passed: document.findings.length === 0,
      findings: document.findings.map((finding) => ({ where: finding.where, message: finding.message })),
      canonical: document.canonical === undefined ? null : JSON.stringify(document.canonical, null, 2),
    })),
  };
}
