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
  ACKNOWLEDGED: [],
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
} as const;

export type SetState = (typeof SetState)[keyof typeof SetState];

/** An acknowledgment we owe a partner: stored with its bytes when its file was acknowledged, then delivered. */
export const AcknowledgmentState = {
  /** Stored, not yet handed to the partner's transport. */
  PENDING: 'PENDING',
  /** In the partner's hands (its SFTP /outbound); a retry sends nothing again. */
  DELIVERED: 'DELIVERED',
} as const;

export type AcknowledgmentState = (typeof AcknowledgmentState)[keyof typeof AcknowledgmentState];
