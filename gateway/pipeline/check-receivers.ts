import type { PartnerProfile } from '../../partners/schema/profile.js';
import type { EnvelopeInterchange } from './read-envelopes.js';

// The other half of partner identification: an interchange from the partner must be addressed to us as the
// partner knows us (the profile's `identities.ours`). One addressed to someone else was sent to the wrong
// gateway, or under another of our trading relationships, and is not ours to process.

export interface ReceiverProblem {
  readonly code: 'RECEIVER_NOT_US';
  readonly reason: string;
  readonly interchange: string;
}

/** Undefined when every interchange is addressed to the ids the profile says the partner sends to. */
export function checkReceivers(profile: PartnerProfile, interchanges: readonly EnvelopeInterchange[]): ReceiverProblem | undefined {
  for (const interchange of interchanges) {
    const ours = oursFor(profile, interchange);
    const { qualifier, id } = interchange.receiver;
    if (ours && id === ours.id && (ours.qualifier === undefined || qualifier === ours.qualifier)) continue;
    const expected = ours ? shown(ours.qualifier, ours.id) : `nothing: ${profile.id}'s profile has no ${interchange.standard} id of ours`;
    return {
      code: 'RECEIVER_NOT_US',
      reason: `Interchange ${interchange.controlNumber} is addressed to ${shown(qualifier, id)}, but ${profile.id} sends to us as ${expected}.`,
      interchange: interchange.controlNumber,
    };
  }
  return undefined;
}

function oursFor(profile: PartnerProfile, interchange: EnvelopeInterchange): { qualifier: string | undefined; id: string } | undefined {
  const { x12, edifact } = profile.identities.ours;
  if (interchange.standard === 'X12') return x12 && { qualifier: x12.isaQualifier, id: x12.isaId };
  return edifact && { qualifier: edifact.unbQualifier, id: edifact.unbId };
}

function shown(qualifier: string | undefined, id: string): string {
  return qualifier ? `${qualifier}/${id}` : id;
}
