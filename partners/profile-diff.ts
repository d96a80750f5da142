import { formatPath, type PathSegment } from './profile-problem.js';

// What changed between two versions of a profile, field by field, as `partner diff` shows it. Lists are
// compared item by item, so a document added at the end shows as that one item.

export interface ProfileChange {
  readonly path: readonly PathSegment[];
  /** Undefined when the field was added. */
  readonly before: unknown;
  /** Undefined when the field was removed. */
  readonly after: unknown;
}

export function diffProfiles(before: unknown, after: unknown, path: readonly PathSegment[] = []): ProfileChange[] {
  if (isFields(before) && isFields(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffProfiles(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, index) => diffProfiles(before[index], after[index], [...path, index])).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/** `~ acknowledgments.expect.withinHours: 24 -> 48`, `+ documents[3]: {...}`, `- transports.as2: {...}` */
export function describeChange({ path, before, after }: ProfileChange): string {
  const field = formatPath(path);
  if (before === undefined) return `+ ${field}: ${JSON.stringify(after)}`;
  if (after === undefined) return `- ${field}: ${JSON.stringify(before)}`;
  return `~ ${field}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
}

function isFields(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
