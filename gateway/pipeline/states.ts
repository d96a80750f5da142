// The states a received file goes through, and the only transitions allowed between them. Later steps
// (translate, sync) extend this table, not the steps that use it.

export const FileState = {
  /** Bytes and row committed; nothing looked at yet. */
  RECEIVED: 'RECEIVED',
  /** Recognised as X12 or EDIFACT. */
  IDENTIFIED: 'IDENTIFIED',
  /** Its interchanges, groups and sets are stored as rows, and every sender is the file's partner. */
  PARSED: 'PARSED',
  /** Every set validated with its outcome stored, and the acknowledgments its partner's policy asks for stored to be sent. */
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  /**
   * Nothing more to do: every accepted set it holds is SYNCED (or was dismissed by support), its rejected sets
   * were answered in its acknowledgment, and no exception about it is open. A file with a set in EXCEPTION, or
   * an exception open about it, stays ACKNOWLEDGED until support acts: that is the "exception" end the issue
   * names, seen through its open exceptions.
   */
  PROCESSED: 'PROCESSED',
  /** Not EDI the gateway can read, or sent under another partner's id; the reason is on the row. */
  REJECTED: 'REJECTED',
  /** Sent under an id that is no partner's: kept, untouched, until support decides; the reason is on the row. */
  QUARANTINED: 'QUARANTINED',
} as const;

export type FileState = (typeof FileState)[keyof typeof FileState];

export const fileStates: readonly FileState[] = Object.values(FileState);

const transitions: Readonly<Record<FileState, readonly FileState[]>> = {
  RECEIVED: ['IDENTIFIED', 'REJECTED'],
  IDENTIFIED: ['PARSED', 'REJECTED', 'QUARANTINED'],
  PARSED: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: ['PROCESSED'],
  PROCESSED: [],
  REJECTED: [],
  QUARANTINED: [],
};

export function canMove(from: FileState, to: FileState): boolean {
  return transitions[from].includes(to);
}

export function isFileState(value: string): value is FileState {
  return (fileStates as readonly string[]).includes(value);
}

/** The states of a transaction set (X12) or message (EDIFACT) read from a file; the next steps add theirs. */
export const SetState = {
  /** Stored with its byte range; nothing checked inside it yet. */
  PARSED: 'PARSED',
  /** Validated and accepted (with what was noted, if anything, in its diagnostics); acknowledged so. */
  ACCEPTED: 'ACCEPTED',
  /** Validated and rejected, for what its diagnostics say or because its group or interchange was; acknowledged so. */
  REJECTED: 'REJECTED',
  /** Its canonical document is stored (documents), waiting to be synced. */
  TRANSLATED: 'TRANSLATED',
  /** Its document is in the system of record (Odoo), with the reference it was given there. */
  SYNCED: 'SYNCED',
  /** Its map or its sync failed: an exception is open for it, and it waits for support. */
  EXCEPTION: 'EXCEPTION',
  /** Support closed its exception without processing it (DISMISS, with a reason); it needs nothing more. */
  DISMISSED: 'DISMISSED',
} as const;

export type SetState = (typeof SetState)[keyof typeof SetState];

// EXCEPTION goes back to ACCEPTED when support retries a translation, to TRANSLATED when it retries a sync.
const setTransitions: Readonly<Record<SetState, readonly SetState[]>> = {
  PARSED: ['ACCEPTED', 'REJECTED'],
  ACCEPTED: ['TRANSLATED', 'EXCEPTION'],
  REJECTED: [],
  TRANSLATED: ['SYNCED', 'EXCEPTION'],
  SYNCED: [],
  EXCEPTION: ['ACCEPTED', 'TRANSLATED', 'DISMISSED'],
  DISMISSED: [],
};

export function canMoveSet(from: SetState, to: SetState): boolean {
  return setTransitions[from].includes(to);
}

/** An inbound canonical document (documents) on its way to the system of record. */
export const DocumentState = {
  /** Stored by the translate step; waiting for a sync attempt (after its backoff, when one was deferred). */
  TRANSLATED: 'TRANSLATED',
  /** An attempt is under way: its intent (sync_intents) is recorded, the port is being called. */
  SYNCING: 'SYNCING',
  /** In the system of record, with its reference there. */
  SYNCED: 'SYNCED',
  /** Refused, or deferred past the last attempt allowed: an exception is open for it. */
  EXCEPTION: 'EXCEPTION',
  /** Support closed its exception without syncing it. */
  DISMISSED: 'DISMISSED',
} as const;

export type DocumentState = (typeof DocumentState)[keyof typeof DocumentState];

// SYNCING -> SYNCING is a new attempt taking over one that outlived its lease; TRANSLATED is a deferral.
const documentTransitions: Readonly<Record<DocumentState, readonly DocumentState[]>> = {
  TRANSLATED: ['SYNCING'],
  SYNCING: ['SYNCING', 'SYNCED', 'EXCEPTION', 'TRANSLATED'],
  SYNCED: [],
  EXCEPTION: ['TRANSLATED', 'DISMISSED'],
  DISMISSED: [],
};

export function canMoveDocument(from: DocumentState, to: DocumentState): boolean {
  return documentTransitions[from].includes(to);
}

/** An acknowledgment we owe a partner: stored with its bytes when its file was acknowledged, then delivered. */
export const AcknowledgmentState = {
  /** Stored, not yet handed to the partner's transport. */
  PENDING: 'PENDING',
  /** In the partner's hands (its SFTP /outbound); a retry sends nothing again. */
  DELIVERED: 'DELIVERED',
} as const;

export type AcknowledgmentState = (typeof AcknowledgmentState)[keyof typeof AcknowledgmentState];

/** A document we send a partner (outbound_documents), from its canonical form to the partner's acknowledgment. */
export const OutboundState = {
  /** Its canonical document is stored; not rendered yet. */
  STORED: 'STORED',
  /** Rendered with the partner's profile and control numbers, stored with the name it is delivered under. */
  RENDERED: 'RENDERED',
  /** The partner's profile cannot render it; the reason is on the row and an exception is open. */
  FAILED: 'FAILED',
  /** In the partner's hands; the partner sends no acknowledgment for it. */
  DELIVERED: 'DELIVERED',
  /** In the partner's hands, its acknowledgment due by the row's due time. */
  AWAITING_ACK: 'AWAITING_ACK',
  /** The partner's acknowledgment accepts it. */
  ACCEPTED: 'ACCEPTED',
  /** Accepted, with errors noted; what they are is on the row. */
  ACCEPTED_WITH_ERRORS: 'ACCEPTED_WITH_ERRORS',
  /** The partner's acknowledgment rejects it; why is on the row. */
  REJECTED: 'REJECTED',
  /** Its acknowledgment is overdue and no resubmission is left: an exception is open. */
  OVERDUE: 'OVERDUE',
  /** Sent again as another document (new control numbers), linked to this one. */
  RESUBMITTED: 'RESUBMITTED',
} as const;

export type OutboundState = (typeof OutboundState)[keyof typeof OutboundState];

export const outboundStates: readonly OutboundState[] = Object.values(OutboundState);

// An acknowledgment that comes late still tells what became of a document, so OVERDUE and RESUBMITTED take
// one; every state after delivery may be resubmitted by a person.
const outboundTransitions: Readonly<Record<OutboundState, readonly OutboundState[]>> = {
  STORED: ['RENDERED', 'FAILED'],
  RENDERED: ['DELIVERED', 'AWAITING_ACK'],
  FAILED: ['RESUBMITTED'],
  DELIVERED: ['ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED', 'RESUBMITTED'],
  AWAITING_ACK: ['ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED', 'OVERDUE', 'RESUBMITTED'],
  ACCEPTED: ['RESUBMITTED'],
  ACCEPTED_WITH_ERRORS: ['RESUBMITTED'],
  REJECTED: ['RESUBMITTED'],
  OVERDUE: ['ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED', 'RESUBMITTED'],
  RESUBMITTED: ['ACCEPTED', 'ACCEPTED_WITH_ERRORS', 'REJECTED'],
};

export function canMoveOutbound(from: OutboundState, to: OutboundState): boolean {
  return outboundTransitions[from].includes(to);
}

export function isOutboundState(value: string): value is OutboundState {
  return (outboundStates as readonly string[]).includes(value);
}
