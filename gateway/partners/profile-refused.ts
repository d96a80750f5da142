import type { TemplateValueProblem } from '../../partners/profile-from-template.js';
import { formatPath } from '../../partners/profile-problem.js';
import { GatewayError } from '../errors/gateway-error.js';

/**
 * PROFILE_INVALID for a profile that was sent rather than read from a file: every problem stays data, so the
 * HTTP API can list them field by field while the message lists them line by line for a terminal.
 */
export class ProfileRefused extends GatewayError {
  readonly problems: readonly TemplateValueProblem[];

  constructor(what: string, problems: readonly TemplateValueProblem[]) {
    super('PROFILE_INVALID', `${what}:\n  - ${problems.map(describeProblem).join('\n  - ')}`);
    this.name = 'ProfileRefused';
    this.problems = problems;
  }
}

/** `isaId (identities.partner.x12.isaId): must be ...`, or the field alone when no variable gave it. */
function describeProblem({ variable, path, reason }: TemplateValueProblem): string {
  const field = formatPath(path);
  if (variable === undefined) return `${field}: ${reason}`;
  return field ? `${variable} (${field}): ${reason}` : `${variable}: ${reason}`;
}
