import { canMove, fileStates, type FileState } from '../../pipeline/states.js';

/** The states a file waits in for a next step: those the pipeline's own table lets it leave. */
export const QUEUE_STATES: readonly FileState[] = fileStates.filter((state) => fileStates.some((next) => canMove(state, next)));
