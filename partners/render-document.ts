import type { CanonicalDocument } from '../translators/canonical/index.js';
import type { ControlNumberAllocator } from '../translators/control-numbers.js';
import { serializeInterchange as serializeEdifact } from '../translators/edifact/serialize.js';
import type { MapResult } from '../translators/maps/map-contract.js';
import { mapsFor, messageFor } from '../translators/maps/registry.js';
import { findSetSpec } from '../translators/x12/specs/registry.js';
import { serializeInterchange as serializeX12 } from '../translators/x12/serialize.js';
import { delimitersFor } from './delimiters.js';
import { mapOptionsFor } from './map-options-for.js';
import { documentOf } from './schema/documents.js';
import type { PartnerProfile } from './schema/profile.js';

// A canonical document as the EDI interchange this partner gets: the partner's message for it, in its
// standard and version, from our ids to its ids, with its delimiters, its usage (test or production) and its
// codes and units. Control numbers come from the allocator, so they are the partner's own counters.

/** The syntax level we write EDIFACT in: Latin-1 letters, which UNOA and UNOB cannot carry, are common in names. Its bytes are latin1, as X12's are. */
const EDIFACT_SYNTAX = { identifier: 'UNOC', version: '3' } as const;

export interface RenderContext {
  readonly allocator: ControlNumberAllocator;
  readonly now: Date;
}

export interface RenderedDocument {
  readonly message: string;
  readonly text: string;
  /** The text as sent: latin1 for X12 and for EDIFACT UNOC alike. */
  readonly bytes: Buffer;
}

export async function renderDocument(profile: PartnerProfile, document: CanonicalDocument, context: RenderContext): Promise<MapResult<RenderedDocument>> {
  if (document.kind === 'functional-ack') throw new RangeError('Functional acknowledgments are written by the acknowledgment generator, not by a map.');
  const message = messageFor(profile.standard, document.kind);
  const maps = mapsFor(profile.standard, message);
  if (!maps) throw new RangeError(`No map writes ${profile.standard} ${message}.`);
  const delimiters = delimitersFor(profile);
  // The envelope is the profile's, whatever the document's source says.
  const source = { ...document.source, standard: profile.standard, version: profile.version, usage: profile.usage };
  const options = {
    ...mapOptionsFor(profile, documentOf(message), 'out'),
    reservedCharacters: Object.values(delimiters.delimiters).filter((value) => value !== undefined).join(''),
    syntaxIdentifier: EDIFACT_SYNTAX.identifier,
    ...(delimiters.standard === 'EDIFACT' ? { decimalMark: delimiters.delimiters.decimal === ',' ? (',' as const) : ('.' as const) } : {}),
  };
  const mapped = maps.outbound({ ...document, source } as CanonicalDocument, options);
  if (!mapped.ok) return mapped;
  const serialize = { allocator: context.allocator, partner: profile.id, now: context.now, lineEnding: '\n' };
  const requested = profile.acknowledgments.expect.requestInterchangeAck;

  if (delimiters.standard === 'X12') {
    const ours = profile.identities.ours.x12;
    const theirs = profile.identities.partner.x12;
    const spec = findSetSpec(profile.version, message);
    if (!ours || !theirs || !spec) throw new RangeError(`Partner ${profile.id} has no X12 ids on both sides, or ${message} ${profile.version} is not handled.`);
    const text = await serializeX12(
      {
        sender: { qualifier: ours.isaQualifier, id: ours.isaId },
        receiver: { qualifier: theirs.isaQualifier, id: theirs.isaId },
        version: profile.version === '005010' ? '00501' : '00401',
        usage: profile.usage === 'production' ? 'P' : 'T',
        acknowledgmentRequested: requested,
        groups: [{ functionalId: spec.spec.functionalId, sender: ours.gsId, receiver: theirs.gsId, version: profile.version, sets: [{ id: message, segments: mapped.value }] }],
      },
      { ...serialize, delimiters: delimiters.delimiters },
    );
    return { ok: true, value: { message, text, bytes: Buffer.from(text, 'latin1') } };
  }

  const ours = profile.identities.ours.edifact;
  const theirs = profile.identities.partner.edifact;
  if (!ours || !theirs) throw new RangeError(`Partner ${profile.id} has no EDIFACT ids on both sides.`);
  const party = (identity: { unbId: string; unbQualifier?: string | undefined }) =>
    identity.unbQualifier === undefined ? { id: identity.unbId } : { id: identity.unbId, qualifier: identity.unbQualifier };
  const text = await serializeEdifact(
    {
      syntaxIdentifier: EDIFACT_SYNTAX.identifier,
      syntaxVersion: EDIFACT_SYNTAX.version,
      sender: party(ours),
      recipient: party(theirs),
      acknowledgmentRequested: requested,
      test: profile.usage === 'test',
      messages: [{ type: message, version: profile.version.slice(0, 1), release: profile.version.slice(1), agency: 'UN', segments: mapped.value }],
    },
    { ...serialize, delimiters: delimiters.delimiters },
  );
  return { ok: true, value: { message, text, bytes: Buffer.from(text, 'latin1') } };
}
