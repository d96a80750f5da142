import fs from 'node:fs';
import { expect } from '@jest/globals';
import { createIntake } from '../../gateway/ingest/accept-file.js';
import { acknowledgeFile } from '../../gateway/pipeline/acknowledge-file.js';
import { identifyFile } from '../../gateway/pipeline/identify-file.js';
import { parseFile } from '../../gateway/pipeline/parse-file.js';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { profileFromTemplate } from '../../partners/profile-from-template.js';
import { readTemplate } from '../../partners/profile-template.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { readYamlFile } from '../../partners/yaml-file.js';

// Files as partners made from the onboarding templates send them, taken through intake, identification,
// parsing and acknowledgment: where the translate and sync steps start.

export const TEMPLATE_SAMPLES = 'test/fixtures/templates';

/** The partner a template makes from its examples, in production (the samples are production interchanges). */
export function partnerFrom(template: string): PartnerProfile {
  const defaults = readYamlFile('test/fixtures/partners/defaults.yaml');
  if (!defaults.ok) throw new Error(defaults.problem.reason);
  const read = readTemplate(template);
  const made = profileFromTemplate(read, Object.fromEntries(read.variables.map((variable) => [variable.name, variable.example])), defaults.yaml.value);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return { ...made.profile, usage: 'production' };
}

export async function savePartner(pool: Pool, profile: PartnerProfile, basedOn?: number): Promise<void> {
  await withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn, changedBy: 'test', change: basedOn === undefined ? 'created' : 'changed' }));
}

const sample850 = fs.readFileSync(`${TEMPLATE_SAMPLES}/retailer-x12-4010/850-004010-full.x12`, 'latin1').split('\n').filter(Boolean);

/**
 * An 850 of the retailer-x12-4010 sample (ACME Retail's): `po` in BEG03, `unit` for its third line (a unit the
 * map does not know makes it fail to translate), `date` in BEG05 (a date that does not exist has it rejected).
 */
export function order850(control: string, options: { po?: string; unit?: string; date?: string } = {}): string {
  const st = sample850.findIndex((line) => line.startsWith('ST*'));
  const se = sample850.findIndex((line) => line.startsWith('SE*'));
  return sample850
    .slice(st, se + 1)
    .map((line) =>
      line
        .replace(/^ST\*850\*0001~$/, `ST*850*${control}~`)
        .replace(/^SE\*21\*0001~$/, `SE*21*${control}~`)
        .replace(/^BEG\*05\*SA\*PO-4711\*\*20250303~$/, `BEG*05*SA*${options.po ?? `PO-${control}`}**${options.date ?? '20250303'}~`)
        .replace(/^PO1\*0030\*1\*EA\*/, `PO1*0030*1*${options.unit ?? 'EA'}*`),
    )
    .join('\n');
}

/** An interchange from ACME Retail (ISA13 `control`) of one group holding these sets. */
export function acmeFile(control: string, sets: readonly string[]): string {
  const [isa, gs] = sample850 as [string, string];
  return [isa.replace('*000000101*', `*${control}*`), gs, ...sets, `GE*${sets.length}*101~`, `IEA*1*${control}~`].join('\n') + '\n';
}

let counter = 0;

/** Stores the file as the partner's transport hands it over; its id. */
export async function received(pool: Pool, partner: string, content: string | Buffer, name = `file-${counter + 1}.edi`): Promise<string> {
  const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
  counter += 1;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return (await intake({ partner, source: 'sftp', originalName: name, intakeKey: `inbound-test:${process.pid}:${counter}`, content: bytes })).fileId;
}

/** Stored, identified, parsed and acknowledged. */
export async function acknowledged(pool: Pool, partner: string, content: string | Buffer): Promise<string> {
  const fileId = await received(pool, partner, content);
  expect(await identifyFile({ pool, actor: 'test' }, fileId)).toBe('identified');
  expect(await parseFile({ pool, actor: 'test' }, fileId)).toBe('parsed');
  expect((await acknowledgeFile({ pool, actor: 'test' }, fileId)).outcome).toBe('acknowledged');
  return fileId;
}

export async function fileState(pool: Pool, fileId: string): Promise<string> {
  return (await pool.query('SELECT state FROM received_files WHERE id = $1', [fileId])).rows[0].state;
}

/** The file's sets in file order: control number and state. */
export async function setStates(pool: Pool, fileId: string): Promise<[string, string][]> {
  const result = await pool.query(
    `SELECT s.control_number, s.state FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id WHERE i.file_id = $1 ORDER BY s.start_offset`,
    [fileId],
  );
  return result.rows.map((row: { control_number: string; state: string }) => [row.control_number, row.state]);
}
