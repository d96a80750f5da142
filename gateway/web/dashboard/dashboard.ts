import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { listTemplates } from '../../../partners/profile-template.js';
import type { Config } from '../../config/settings.js';
import type { Pool } from '../../store/pool.js';
import type { Clock } from '../../users/sessions.js';
import { toGatewayError } from '../problem.js';
import { accountPage } from './account.js';
import { acknowledgmentsPage } from './acknowledgments.js';
import { assetRoutes } from './assets.js';
import { bulkExceptionActions } from './bulk-exceptions.js';
import { pageSender, type DashboardContext } from './context.js';
import { documentPage } from './document-page.js';
import { documentsPage } from './documents.js';
import type { ExceptionActions } from './exception-actions.js';
import { exceptionsPage } from './exceptions.js';
import { filesPage } from './files.js';
import { readMultipartForm } from './form-data.js';
import { newPartnerPage } from './new-partner.js';
import { overviewPage } from './overview.js';
import { partnerPage } from './partner-page.js';
import { partnersPage } from './partners.js';
import { resubmitAction } from './resubmit.js';
import { addGuard, sessionOf } from './session-guard.js';
import { signInPages } from './sign-in.js';
import { usersPage } from './users.js';
import { loadViews } from './views.js';

// The dashboard: server-rendered pages under /, beside the API under /api. Everything here is encapsulated
// in this plugin: its cookies, form parsing, session guard, content security policy and HTML error pages
// apply to its own routes only, so the API answers exactly as it did.

export interface DashboardOptions {
  readonly pool: Pool;
  readonly settings: Config['dashboard'];
  /** config.partners.defaultsFile: what a partner made from a template starts from. */
  readonly defaultsFile: string;
  /** config.scheduler.stuckAfterMs: how long a file may wait in a state before the overview calls it stuck. */
  readonly stuckAfterMs: number;
  /** config.inbox.maxFileBytes: the largest sample file taken. */
  readonly maxFileBytes: number;
  /** The time sessions are measured by; the system clock unless a test gives its own. */
  readonly clock?: Clock;
  /** Takes the actions on exceptions; without it they are shown disabled. */
  readonly exceptionActions?: ExceptionActions;
}

/** Only what the dashboard's own origin serves: no inline script or style, no frames, forms post here. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Room for a multipart form's own lines around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, options) => {
  const views = loadViews();
  const context: DashboardContext = {
    pool: options.pool,
    settings: options.settings,
    clock: options.clock ?? (() => new Date()),
    defaultsFile: options.defaultsFile,
    stuckAfterMs: options.stuckAfterMs,
    maxFileBytes: options.maxFileBytes,
    exceptionActions: options.exceptionActions,
    templates: new Map(listTemplates().map((template) => [template.name, template])),
    page: pageSender(views),
  };

  await app.register(cookie);
  await app.register(formbody);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: options.maxFileBytes + FORM_OVERHEAD_BYTES }, async (request: FastifyRequest, body: Buffer) =>
    readMultipartForm(String(request.headers['content-type']), body),
  );
  addGuard(app, { pool: context.pool, settings: context.settings, clock: context.clock });

  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // Pages show one user's data and carry their CSRF token: no cache keeps them.
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toGatewayError(error as Error);
    if (problem.code === 'INTERNAL') request.log.error({ err: error }, 'dashboard request failed');
    const back = request.method === 'GET' || request.method === 'HEAD' ? '/' : request.url.replace(/\/[^/]*$/, '') || '/';
    return context.page(
      request,
      reply,
      'error',
      { code: problem.code, detail: problem.message, status: problem.httpStatus, back, signIn: problem.code === 'SESSION_REQUIRED' || sessionOf(request) === undefined },
      { title: problem.code === 'ROLE_FORBIDDEN' ? 'Not allowed' : 'Something went wrong', status: problem.httpStatus },
    );
  });

  const pages = [signInPages, accountPage, overviewPage, filesPage, acknowledgmentsPage, documentsPage, documentPage, resubmitAction, exceptionsPage, bulkExceptionActions, partnersPage, partnerPage, newPartnerPage, usersPage];
  for (const addPages of pages) addPages(app, context);
  assetRoutes(app);
};
