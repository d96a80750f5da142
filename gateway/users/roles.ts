// Who may do what on the dashboard and through the API. A route names the permission it needs; a role is the permissions it
// grants, so a new action is given to roles here, in one place, not in each page.

export const roles = ['admin', 'onboarding', 'support', 'viewer'] as const;

export type Role = (typeof roles)[number];

export const Permission = {
  /** See every page: files, exceptions, partners. */
  VIEW: 'view',
  /** Create partners from templates, test sample files, promote partners to production. */
  MANAGE_PARTNERS: 'partners.manage',
  /** Retry, replay, resubmit, force or dismiss exceptions. */
  ACT_ON_EXCEPTIONS: 'exceptions.act',
  /** Send partners documents (a canonical document through the API). */
  SEND_DOCUMENTS: 'documents.send',
  /** Add users and change their roles. */
  MANAGE_USERS: 'users.manage',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

const granted: Readonly<Record<Role, readonly Permission[]>> = {
  admin: Object.values(Permission),
  onboarding: [Permission.VIEW, Permission.MANAGE_PARTNERS],
  support: [Permission.VIEW, Permission.ACT_ON_EXCEPTIONS, Permission.SEND_DOCUMENTS],
  viewer: [Permission.VIEW],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function allows(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}
