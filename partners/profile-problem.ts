/** A key of a group of fields, or the position of an item in a list (0-based, as written in paths). */
export type PathSegment = string | number;

/** What is wrong with a profile, and at which field. */
export interface ProfileProblem {
  readonly path: readonly PathSegment[];
  /** Plain words, starting lower-case so that it reads after the path: "must be 'in' or 'out', got 'inbound'". */
  readonly reason: string;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `documents[0].direction`; keys that are not plain names in quotes: `guide.elements["PO1/PO103"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (!PLAIN_KEY.test(segment)) return `[${JSON.stringify(segment)}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}
