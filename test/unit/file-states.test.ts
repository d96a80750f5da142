import { describe, expect, it } from '@jest/globals';
import { DocumentState, FileState, SetState, canMove, canMoveDocument, canMoveSet, fileStates, isFileState } from '../../gateway/pipeline/states.js';

describe('file states', () => {
  it('lets a received file move on once, to identified or rejected', () => {
    expect(canMove(FileState.RECEIVED, FileState.IDENTIFIED)).toBe(true);
    expect(canMove(FileState.RECEIVED, FileState.REJECTED)).toBe(true);
    expect(canMove(FileState.RECEIVED, FileState.PARSED)).toBe(false);
  });

  it('lets an identified file move on once, to parsed, rejected or quarantined', () => {
    expect(fileStates.filter((to) => canMove(FileState.IDENTIFIED, to))).toEqual([FileState.PARSED, FileState.REJECTED, FileState.QUARANTINED]);
    for (const from of [FileState.PROCESSED, FileState.REJECTED, FileState.QUARANTINED]) {
      for (const to of fileStates) expect(canMove(from, to)).toBe(false);
    }
  });

  it('lets a parsed file move on once, to acknowledged', () => {
    expect(fileStates.filter((to) => canMove(FileState.PARSED, to))).toEqual([FileState.ACKNOWLEDGED]);
  });

  it('lets an acknowledged file move on once, to processed', () => {
    expect(fileStates.filter((to) => canMove(FileState.ACKNOWLEDGED, to))).toEqual([FileState.PROCESSED]);
  });

  it('knows its own names only', () => {
    expect(isFileState('RECEIVED')).toBe(true);
    expect(isFileState('received')).toBe(false);
  });
});

describe('set states', () => {
  const setStates = Object.values(SetState);

  it('takes an accepted set to translated or exception, then to synced; rejected and synced sets go nowhere', () => {
    expect(setStates.filter((to) => canMoveSet(SetState.ACCEPTED, to))).toEqual([SetState.TRANSLATED, SetState.EXCEPTION]);
    expect(setStates.filter((to) => canMoveSet(SetState.TRANSLATED, to))).toEqual([SetState.SYNCED, SetState.EXCEPTION]);
    for (const from of [SetState.REJECTED, SetState.SYNCED, SetState.DISMISSED]) expect(setStates.filter((to) => canMoveSet(from, to))).toEqual([]);
  });

  it('lets support take a set in exception back to the step that failed, or dismiss it', () => {
    expect(setStates.filter((to) => canMoveSet(SetState.EXCEPTION, to))).toEqual([SetState.ACCEPTED, SetState.TRANSLATED, SetState.DISMISSED]);
    expect(canMoveSet(SetState.EXCEPTION, SetState.SYNCED)).toBe(false);
  });
});

describe('document states', () => {
  const documentStates = Object.values(DocumentState);

  it('syncs a translated document through an attempt; a deferral takes it back to translated', () => {
    expect(documentStates.filter((to) => canMoveDocument(DocumentState.TRANSLATED, to))).toEqual([DocumentState.SYNCING]);
    expect(documentStates.filter((to) => canMoveDocument(DocumentState.SYNCING, to))).toEqual([DocumentState.TRANSLATED, DocumentState.SYNCING, DocumentState.SYNCED, DocumentState.EXCEPTION]);
    expect(documentStates.filter((to) => canMoveDocument(DocumentState.SYNCED, to))).toEqual([]);
    expect(documentStates.filter((to) => canMoveDocument(DocumentState.EXCEPTION, to))).toEqual([DocumentState.TRANSLATED, DocumentState.DISMISSED]);
  });
});
