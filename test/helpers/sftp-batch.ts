import fs from 'node:fs';
import { startEmbeddedPostgres } from '../../gateway/store/embedded-postgres.js';
import { createPool, withTransaction } from '../../gateway/store/pool.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import type { Logger } from '../../gateway/log.js';
import { profileFromTemplate } from '../../partners/profile-from-template.js';
import { readTemplate } from '../../partners/profile-template.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { readYamlFile } from '../../partners/yaml-file.js';
import type { GatewayProcess } from './gateway-process.js';
import { waitFor } from './wait-for.js';

// Retailers onboarded from the retailer-x12-4010 template, each logging in to a running gateway's SFTP
// server with its own key, and the single-order 850s they send: shared by the batch acceptance test and the
// pipeline bench, which drive a real `edi-gateway` process over OpenSSH's sftp.

/** A retailer made from the template, in test usage (its files say ISA15 = T), with an SFTP login by `publicKey`. */
export function retailer(options: { id: string; isaId: string; publicKey: string }): PartnerProfile {
  const defaults = readYamlFile('test/fixtures/partners/defaults.yaml');
  if (!defaults.ok) throw new Error(defaults.problem.reason);
  const template = readTemplate('retailer-x12-4010');
  const values = { ...Object.fromEntries(template.variables.map((variable) => [variable.name, variable.example])), id: options.id, name: `Retailer ${options.id}`, isaId: options.isaId, gsId: options.isaId };
  const made = profileFromTemplate(template, values, defaults.yaml.value);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return { ...made.profile, transports: { sftpMailbox: { users: [{ username: options.id, publicKeys: [options.publicKey] }] } } };
}

/** Saves the profiles, as `edi-gateway partner new` beside the running gateway would, through a pool of its own. */
export async function addPartners(url: string, profiles: readonly PartnerProfile[], log: Logger): Promise<void> {
  const pool = createPool({ url, max: 1, applicationName: 'sftp-batch', log });
  try {
    for (const profile of profiles) {
      await withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn: undefined, changedBy: 'test', change: 'created' }));
    }
  } finally {
    await pool.end();
  }
}

/** The URL of the embedded PostgreSQL a running gateway owns on `dataDir`. */
export async function attachedDatabase(dataDir: string, log: Logger): Promise<string> {
  return (await startEmbeddedPostgres({ dataDir, port: 0, log, mode: 'attach' })).url;
}

/** The port the gateway's SFTP server listens on, from its start line (logged at level info). */
export function sftpPortOf(gateway: GatewayProcess): Promise<number> {
  return waitFor('the sftp server start line', () => gateway.logLines().find((line) => line.msg === 'sftp server started')?.port as number | undefined);
}

// The template's own sample, read directly: this module also runs in the bench, outside Jest.
const sample = fs.readFileSync('test/fixtures/templates/retailer-x12-4010/850-004010-full.x12', 'latin1').split('\n').filter(Boolean);
const sampleSet = sample.slice(sample.findIndex((line) => line.startsWith('ST*')), sample.findIndex((line) => line.startsWith('SE*')) + 1);

/**
 * One interchange holding one group with one 850 (the template's sample order), sent under ISA id `isaId`
 * with control number `control` (ISA13 and GS06), PO number `po`, marked test.
 */
export function singleOrder(options: { isaId: string; control: number; po: string }): string {
  const isa13 = String(options.control).padStart(9, '0');
  const set = sampleSet.map((line) => line.replace(/^BEG\*05\*SA\*PO-4711\*/, `BEG*05*SA*${options.po}*`));
  return [
    `ISA*00*          *00*          *ZZ*${options.isaId.padEnd(15)}*01*123456789      *250303*1000*U*00401*${isa13}*0*T*>~`,
    `GS*PO*${options.isaId}*THREEPL*20250303*1000*${options.control}*X*004010~`,
    ...set,
    `GE*1*${options.control}~`,
    `IEA*1*${isa13}~`,
  ].join('\n') + '\n';
}
