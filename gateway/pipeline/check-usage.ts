import type { PartnerProfile } from '../../partners/schema/profile.js';
import type { EnvelopeInterchange } from './read-envelopes.js';

// Test and production are never mixed silently: an interchange marked for the other usage than the
// partner's (ISA15, UNB 0035) goes where the profile says (receiving.otherUsage), never on into Odoo.

export interface UsageProblem {
  readonly code: 'USAGE_MISMATCH';
  readonly reason: string;
  readonly interchange: string;
  /** What the profile says to do with it. */
  readonly then: 'reject' | 'quarantine';
}

/** Undefined when every interchange is marked for the partner's own usage. */
export function checkUsage(profile: PartnerProfile, interchanges: readonly EnvelopeInterchange[]): UsageProblem | undefined {
  const other = interchanges.find((interchange) => interchange.usage !== profile.usage);
  if (!other) return undefined;
  const marker = other.standard === 'X12' ? `ISA15 = ${other.usage === 'test' ? 'T' : 'P'}` : `UNB 0035 ${other.usage === 'test' ? '= 1' : 'left out'}`;
  return {
    code: 'USAGE_MISMATCH',
    reason: `Interchange ${other.controlNumber} is marked ${other.usage} (${marker}), but ${profile.id} is a partner in ${profile.usage}; it is not processed, so that ${other.usage} data never mixes with ${profile.usage} data.`,
    interchange: other.controlNumber,
    then: profile.receiving?.otherUsage ?? 'reject',
  };
}
