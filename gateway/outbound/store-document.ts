import { parseCanonical, type CanonicalDocument } from '../../translators/canonical/index.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { GatewayError } from '../errors/gateway-error.js';
import { requireProfileVersion } from '../partners/profile-versions.js';
import { withTransaction, type Pool } from '../store/pool.js';
import { appendEvent } from '../store/sql/events.js';
import { insertOutboundDocument, type OutboundDocument, type OutboundOrigin } from '../store/sql/outbound-documents.js';
import { kindWords, profileDocumentOf, referenceOf } from './business-reference.js';

// Where an outbound document enters: a canonical document for a partner, checked (the JSON against its
// schema, the partner's profile against what it is sent and how), then stored STORED with its event. The
// render and deliver steps take it from there.

export interface OutboundRequest {
  readonly partner: string;
  /** The canonical document as JSON gave it. */
  readonly json: unknown;
  /** What error messages call the input: a file name, "the request body". */
  readonly where: string;
  readonly origin: Exclude<OutboundOrigin, 'resubmission'>;
  /** Who sends it: a person, or the instance for the Odoo poller. */
  readonly sentBy: string;
  /** The caller's key: sending again with the same key gives back the document stored the first time. */
  readonly intakeKey?: string | undefined;
}

export async function storeOutboundDocument(pool: Pool, request: OutboundRequest): Promise<{ document: OutboundDocument; created: boolean }> {
  const { profile } = await requireProfileVersion(pool, request.partner);
  const document = canonicalFor(profile, request.json, request.where);
  checkSendable(profile, document);
  return withTransaction(pool, async (tx) => {
    const stored = await insertOutboundDocument(tx, {
      partner: profile.id,
      kind: document.kind,
      reference: referenceOf(document),
      canonical: document,
      origin: request.origin,
      intakeKey: request.intakeKey,
      createdBy: request.sentBy,
    });
    if (stored.created) {
      await appendEvent(tx, {
        entity: 'document',
        entityId: stored.document.id,
        type: 'document.stored',
        actor: request.sentBy,
        details: { partner: profile.id, kind: document.kind, reference: stored.document.reference, origin: request.origin },
      });
    }
    return stored;
  });
}

type Sendable = Exclude<CanonicalDocument, { kind: 'functional-ack' }>;

/**
 * The JSON as a canonical document, or REQUEST_INVALID naming every problem and where it is. A document
 * without `source` gets the partner's envelope: what we send is addressed by the profile, and rendering
 * writes the real envelope whatever the source says.
 */
function canonicalFor(profile: PartnerProfile, json: unknown, where: string): Sendable {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new GatewayError('REQUEST_INVALID', `${where} is not a canonical document: expected one JSON object with a "kind", got ${Array.isArray(json) ? 'a list' : json === null ? 'null' : typeof json}.`);
  }
  const withSource = 'source' in json ? json : { ...json, source: envelopeOf(profile) };
  const parsed = parseCanonical(withSource);
  if (!parsed.ok) {
    const problems = parsed.problems.map((problem) => `${problem.path || '/'}: ${problem.reason}`);
    throw new GatewayError('REQUEST_INVALID', `${where} is not a valid canonical document:\n  - ${problems.join('\n  - ')}`);
  }
  if (parsed.document.kind === 'functional-ack') {
    throw new GatewayError('REQUEST_INVALID', `${where} is a functional acknowledgment; the gateway writes those itself for what partners send, they are not sent as documents.`);
  }
  return parsed.document;
}

/** The envelope a document to this partner goes in, with control numbers still to be given. */
function envelopeOf(profile: PartnerProfile): Record<string, unknown> {
  const { ours, partner } = profile.identities;
  const [sender, receiver] =
    profile.standard === 'X12'
      ? [ours.x12, partner.x12].map((identity) => ({ id: identity?.isaId ?? 'unknown', ...(identity ? { qualifier: identity.isaQualifier } : {}) }))
      : [ours.edifact, partner.edifact].map((identity) => ({ id: identity?.unbId ?? 'unknown', ...(identity?.unbQualifier ? { qualifier: identity.unbQualifier } : {}) }));
  return { standard: profile.standard, version: profile.version, usage: profile.usage, sender, receiver, interchangeControlNumber: 'unassigned', setControlNumber: 'unassigned' };
}

/** Refuses what the partner's profile does not send, or has no transport for: better now than a document stuck later. */
function checkSendable(profile: PartnerProfile, document: Sendable): void {
  const wanted = profileDocumentOf(document.kind);
  if (!profile.documents.some((entry) => entry.document === wanted && entry.direction === 'out')) {
    throw new GatewayError(
      'DOCUMENT_NOT_SENDABLE',
      `Partner ${profile.id} is not sent ${kindWords(document.kind)}s: its profile has no documents entry for ${wanted} with direction out.`,
    );
  }
  if (!profile.transports?.sftpMailbox) {
    throw new GatewayError('DOCUMENT_NOT_SENDABLE', `Partner ${profile.id} has no SFTP mailbox in its profile (transports.sftpMailbox), the transport outbound documents are delivered through.`);
  }
}
