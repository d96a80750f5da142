import type { JobName } from './job-names.js';

/** A job: a name, what it does with its data, and (for periodic work) how often it runs. */
export interface JobDefinition {
  readonly name: JobName;
  run(data: unknown): Promise<void>;
  readonly everyMs?: number;
}
