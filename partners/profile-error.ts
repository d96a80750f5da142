/** A problem found in a profile file: where (file, then line and column when known), which field, and what. */
export interface LocatedProblem {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The field as `documents[0].direction`; empty for the file as a whole. */
  readonly path: string;
  readonly reason: string;
}

/** `partners/acme.yaml:12:5 documents[0].direction: must be 'in' or 'out', got 'inbound'` */
export function describeProblem({ file, line, column, path, reason }: LocatedProblem): string {
  const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  return path ? `${where} ${path}: ${reason}` : `${where}: ${reason}`;
}

/** A profile that cannot be used, with every problem found in it and the files it draws on. */
export class ProfileError extends Error {
  readonly code = 'PROFILE_INVALID';

  constructor(
    /** The partner's own profile file. */
    readonly file: string,
    readonly problems: readonly LocatedProblem[],
  ) {
    super(`Partner profile ${file} cannot be used:\n  - ${problems.map(describeProblem).join('\n  - ')}`);
    this.name = 'ProfileError';
  }
}
