// The states a received file goes through, and the only transitions allowed between them. Later steps
// (parse, validate, acknowledge, translate, sync) extend this table, not the steps that use it.

export const FileState = {
  /** Bytes and row committed; nothing looked at yet. */
  RECEIVED: 'RECEIVED',
  /** Recognised as X12 or EDIFACT. */
  IDENTIFIED: 'IDENTIFIED',
  /** Not EDI the gateway can read; the reason is on the row. */
  REJECTED: 'REJECTED',
} as const;

export type FileState = (typeof FileState)[keyof typeof FileState];

export const fileStates: readonly FileState[] = Object.values(FileState);

const transitions: Readonly<Record<FileState, readonly FileState[]>> = {
  RECEIVED: ['IDENTIFIED', 'REJECTED'],
  IDENTIFIED: [],
  REJECTED: [],
};

export function canMove(from: FileState, to: FileState): boolean {
  return transitions[from].includes(to);
}

export function isFileState(value: string): value is FileState {
  return (fileStates as readonly string[]).includes(value);
}
