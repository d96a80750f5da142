import { Type, type Static } from '@sinclair/typebox';
import type { ProfileChange as FieldChange } from '../../partners/profile-diff.js';
import { formatPath } from '../../partners/profile-problem.js';
import type { ProfileTemplate } from '../../partners/profile-template.js';
import type { ProfileSummary, ProfileVersion } from '../store/sql/partner-profiles.js';
import { PartnerProfileRef, Timestamp } from './api-schemas.js';

// Partners as the API shows them, each view with its schema: the view's type is the schema's, so the
// answer and its description in the OpenAPI document cannot disagree.

const versionFields = {
  version: Type.Integer({ minimum: 1, description: 'The version: 1 when the partner was created, one more with each change.' }),
  changedBy: Type.String({ description: 'Who made the change.' }),
  change: Type.String({ description: 'What changed, in words: "created from template retailer-x12-4010".' }),
  changedAt: Timestamp('When the version was saved.'),
};

export const VersionEntrySchema = Type.Object(versionFields, { description: 'A version of a profile, without the profile.' });

export const ProfileVersionSchema = Type.Object(
  { partner: Type.String({ description: "The partner's id." }), ...versionFields, profile: PartnerProfileRef },
  { description: "A version of a partner's profile." },
);

export const PartnerSummarySchema = Type.Object(
  {
    id: Type.String({ description: "The partner's id." }),
    name: Type.String({ description: "The partner's name as support knows it." }),
    currentVersion: Type.Integer({ description: 'The version in use.' }),
    standard: Type.String({ description: 'X12 or EDIFACT.' }),
    usage: Type.String({ description: 'test or production.' }),
    group: Type.Union([Type.String(), Type.Null()], { description: 'The partner group, if any.' }),
    updatedAt: Timestamp('When the current version was saved.'),
  },
  { description: 'A partner as lists show it: its current version.' },
);

export const FieldChangeSchema = Type.Object(
  {
    path: Type.String({ description: 'The field, as acknowledgments.expect.withinHours.' }),
    before: Type.Optional(Type.Unknown({ description: 'Its value before; left out when the field was added.' })),
    after: Type.Optional(Type.Unknown({ description: 'Its value after; left out when the field was removed.' })),
  },
  { description: 'A field that differs between two versions.' },
);

export const TemplateSchema = Type.Object(
  {
    name: Type.String({ description: 'What POST /api/partners takes as `template`.' }),
    summary: Type.String({ description: 'What kind of partner the template is for.' }),
    variables: Type.Array(
      Type.Object({
        name: Type.String(),
        description: Type.String(),
        example: Type.String(),
        default: Type.Optional(Type.String({ description: 'Used when no value is given; a variable without one must be given.' })),
      }),
    ),
  },
  { description: 'An onboarding template and the values it asks for.' },
);

export function versionEntryView(version: ProfileVersion): Static<typeof VersionEntrySchema> {
  return { version: version.version, changedBy: version.changedBy, change: version.change, changedAt: version.changedAt.toISOString() };
}

export function profileVersionView(version: ProfileVersion): Static<typeof ProfileVersionSchema> {
  return { partner: version.partner, ...versionEntryView(version), profile: version.profile };
}

export function partnerSummaryView(summary: ProfileSummary): Static<typeof PartnerSummarySchema> {
  return {
    id: summary.partner,
    name: summary.name,
    currentVersion: summary.currentVersion,
    standard: summary.standard,
    usage: summary.usage,
    group: summary.group,
    updatedAt: summary.updatedAt.toISOString(),
  };
}

export function fieldChangeView({ path, before, after }: FieldChange): Static<typeof FieldChangeSchema> {
  return { path: formatPath(path), before, after };
}

export function templateView({ name, summary, variables }: ProfileTemplate): Static<typeof TemplateSchema> {
  return { name, summary, variables: [...variables] };
}
