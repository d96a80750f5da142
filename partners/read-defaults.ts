import fs from 'node:fs';
import { ProfileError } from './profile-error.js';
import { readYamlFile } from './yaml-file.js';

/**
 * The values every new partner starts from (EDI_PARTNER_DEFAULTS), or undefined when there is no such
 * file: each profile must then give them itself, and the schema says which are missing.
 */
export function readDefaults(file: string): Readonly<Record<string, unknown>> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const read = readYamlFile(file);
  if (!read.ok) throw new ProfileError(file, [read.problem]);
  return read.yaml.value;
}
