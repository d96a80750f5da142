import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProfileTemplate } from '../../../partners/profile-template.js';
import type { Config } from '../../config/settings.js';
import type { Pool } from '../../store/pool.js';
import { allows, Permission } from '../../users/roles.js';
import type { Clock } from '../../users/sessions.js';
import type { ExceptionActions } from './exception-actions.js';
import { sessionOf } from './session-guard.js';
import type { Views } from './views.js';

// What every page module of the dashboard is given, and how a page is sent: rendered into the layout with
// the signed-in user, the navigation, the session's CSRF token for forms, and what the user's role allows
// (so that a page leaves out the buttons of actions the user cannot take).

export type NavItem = 'overview' | 'files' | 'acknowledgments' | 'documents' | 'exceptions' | 'partners' | 'users';

/** The pages in the navigation; one that needs more than the view right is shown to those who have it. */
const navigation: readonly { readonly key: NavItem; readonly href: string; readonly label: string; readonly permission?: Permission }[] = [
  { key: 'overview', href: '/', label: 'Overview' },
  { key: 'files', href: '/files', label: 'Files' },
  { key: 'acknowledgments', href: '/acknowledgments', label: 'Acknowledgments' },
  { key: 'documents', href: '/documents', label: 'Documents' },
  { key: 'exceptions', href: '/exceptions', label: 'Exceptions' },
  { key: 'partners', href: '/partners', label: 'Partners' },
  { key: 'users', href: '/users', label: 'Users', permission: Permission.MANAGE_USERS },
];

export interface PageOptions {
  /** The page's <title> and, by convention, its <h1>. */
  readonly title: string;
  /** The navigation item marked as the current page. */
  readonly nav?: NavItem;
  readonly status?: number;
  /** A page that follows work under way reloads itself this often. */
  readonly refreshSeconds?: number;
}

export interface DashboardContext {
  readonly pool: Pool;
  readonly settings: Config['dashboard'];
  readonly clock: Clock;
  readonly defaultsFile: string;
  readonly stuckAfterMs: number;
  readonly maxFileBytes: number;
  readonly exceptionActions: ExceptionActions | undefined;
  /** The onboarding templates by name, read once: they ship with the gateway. */
  readonly templates: ReadonlyMap<string, ProfileTemplate>;
  page(request: FastifyRequest, reply: FastifyReply, view: string, model: object, options: PageOptions): FastifyReply;
}

export function pageSender(views: Views): DashboardContext['page'] {
  return (request, reply, view, model, { title, nav, status = 200, refreshSeconds }) => {
    const session = sessionOf(request);
    const can = {
      managePartners: session !== undefined && allows(session.role, Permission.MANAGE_PARTNERS),
      actOnExceptions: session !== undefined && allows(session.role, Permission.ACT_ON_EXCEPTIONS),
    };
    const layout = {
      title,
      refreshSeconds: refreshSeconds ?? null,
      user: session ? { username: session.username, displayName: session.displayName, role: session.role, timeZone: session.timeZone } : null,
      csrfToken: session?.csrfToken ?? null,
      navigation: session
        ? navigation.filter((item) => item.permission === undefined || allows(session.role, item.permission)).map((item) => ({ ...item, current: item.key === nav }))
        : [],
    };
    const html = views.render(view, { title, csrfToken: layout.csrfToken, can, ...model }, layout);
    return reply.status(status).type('text/html; charset=utf-8').send(html);
  };
}
