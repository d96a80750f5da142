import type { Queryable } from '../store/pool.js';
import { partnerByIdentity } from '../store/sql/partner-profiles.js';
import type { EnvelopeInterchange, Party } from './read-envelopes.js';

// Partner identification: every interchange of a file must be sent under an envelope id of the partner
// the file came from (its drop folder, SFTP login, AS2 id or server). Another partner's id means the file
// went astray and is rejected; an id that is nobody's means support has to look, so it is quarantined.

export interface SenderProblem {
  readonly code: 'SENDER_NOT_PARTNER' | 'SENDER_UNKNOWN';
  /** Plain words naming the interchange, the id it was sent under and whose that id is. */
  readonly reason: string;
  readonly interchange: string;
  readonly sender: Party;
  /** The partner whose id it is, for SENDER_NOT_PARTNER. */
  readonly owner?: string;
}

/**
 * Undefined when every interchange's sender is `file.partner`'s; otherwise the first interchange sent under
 * another partner's id, else the first sent under an id that is no partner's.
 */
export async function checkSenders(
  db: Queryable,
  file: { readonly partner: string; readonly source: string },
  interchanges: readonly EnvelopeInterchange[],
): Promise<SenderProblem | undefined> {
  // A file of many interchanges is usually from one or two ids: each is looked up once.
  const owners = new Map<string, string | undefined>();
  const ownerOf = async (interchange: EnvelopeInterchange) => {
    const key = `${interchange.standard}\u0000${interchange.sender.qualifier}\u0000${interchange.sender.id}`;
    if (!owners.has(key)) {
      const kind = interchange.standard === 'X12' ? 'isa' : 'unb';
      owners.set(key, await partnerByIdentity(db, { kind, ...interchange.sender }));
    }
    return owners.get(key);
  };
  let unknown: EnvelopeInterchange | undefined;
  for (const interchange of interchanges) {
    const owner = await ownerOf(interchange);
    if (owner === file.partner) continue;
    if (owner !== undefined) {
      return {
        code: 'SENDER_NOT_PARTNER',
        reason: `Interchange ${interchange.controlNumber} says it is from ${describeSender(interchange)}, which is partner "${owner}"'s id, but it came in through partner "${file.partner}"'s mailbox (${file.source}).`,
        interchange: interchange.controlNumber,
        sender: interchange.sender,
        owner,
      };
    }
    unknown ??= interchange;
  }
  if (!unknown) return undefined;
  return {
    code: 'SENDER_UNKNOWN',
    reason: `Interchange ${unknown.controlNumber} says it is from ${describeSender(unknown)}, which is no partner's id; it came in through partner "${file.partner}"'s mailbox (${file.source}).`,
    interchange: unknown.controlNumber,
    sender: unknown.sender,
  };
}

function describeSender({ standard, sender }: EnvelopeInterchange): string {
  if (standard === 'X12') return `ISA id ${sender.qualifier}/${sender.id}`;
  return sender.qualifier ? `UNB id ${sender.id} (qualifier ${sender.qualifier})` : `UNB id ${sender.id}`;
}
