import { describe, expect, it } from '@jest/globals';
import { FileState, canMove, fileStates, isFileState } from '../../gateway/pipeline/states.js';

describe('file states', () => {
  it('lets a received file move on once, to identified or rejected', () => {
    expect(canMove(FileState.RECEIVED, FileState.IDENTIFIED)).toBe(true);
    expect(canMove(FileState.RECEIVED, FileState.REJECTED)).toBe(true);
    expect(canMove(FileState.RECEIVED, FileState.PARSED)).toBe(false);
  });

  it('lets an identified file move on once, to parsed, rejected or quarantined', () => {
    expect(fileStates.filter((to) => canMove(FileState.IDENTIFIED, to))).toEqual([FileState.PARSED, FileState.REJECTED, FileState.QUARANTINED]);
    for (const from of [FileState.ACKNOWLEDGED, FileState.REJECTED, FileState.QUARANTINED]) {
      for (const to of fileStates) expect(canMove(from, to)).toBe(false);
    }
  });

  it('lets a parsed file move on once, to acknowledged', () => {
    expect(fileStates.filter((to) => canMove(FileState.PARSED, to))).toEqual([FileState.ACKNOWLEDGED]);
  });

  it('knows its own names only', () => {
    expect(isFileState('RECEIVED')).toBe(true);
    expect(isFileState('received')).toBe(false);
  });
});
