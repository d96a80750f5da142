import type { ProfileProblem } from './profile-problem.js';
import { type ProfileTemplate, renderTemplate, variableAt } from './profile-template.js';
import { resolveProfile } from './resolve-profile.js';
import type { PartnerProfile } from './schema/profile.js';

// A new partner's profile from an onboarding template: the template filled in with the values given, put
// over the defaults every partner starts from, and checked as any profile is. A problem with a value that
// came from a variable names the variable, since that is what the onboarding person typed.

export interface TemplateValueProblem extends ProfileProblem {
  /** The template variable whose value is wrong, when the problem is about one. */
  readonly variable?: string;
}

export type ProfileFromTemplate =
  | { readonly ok: true; readonly profile: PartnerProfile }
  | { readonly ok: false; readonly problems: readonly TemplateValueProblem[] };

export function profileFromTemplate(template: ProfileTemplate, values: Readonly<Record<string, string>>, defaults?: unknown): ProfileFromTemplate {
  const rendered = renderTemplate(template, values);
  if (!rendered.ok) return { ok: false, problems: rendered.problems.map(({ variable, reason }) => ({ path: [], reason, ...(variable ? { variable } : {}) })) };
  const resolved = resolveProfile({ partner: rendered.layer, defaults });
  if (resolved.ok) return resolved;
  return {
    ok: false,
    problems: resolved.problems.map(({ path, reason }) => {
      const variable = variableAt(rendered.placed, path);
      return variable ? { path, reason, variable } : { path, reason };
    }),
  };
}
