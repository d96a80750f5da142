import { inboundTranslation } from '../../partners/map-options-for.js';
import { diffProfiles } from '../../partners/profile-diff.js';
import { formatPath } from '../../partners/profile-problem.js';
import type { Source } from '../../translators/canonical/index.js';
import { translateFile, type Finding } from '../../translators/translate-file.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Pool } from '../store/pool.js';
import { listFileDocuments } from '../store/sql/documents.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import { getReceivedFile, readFileContent } from '../store/sql/received-files.js';

// What a replay would make, without making it: the stored bytes read, validated and translated in memory with
// the chosen profile version (the current one when none is chosen), set by set beside the canonical document
// the original made. Nothing is written: no row, no event, no control number.

export interface FieldChange {
  /** As the canonical schema names it: `lines[2].quantity`; '' for the whole document. */
  readonly path: string;
  /** Undefined when the replay adds the field. */
  readonly before: unknown;
  /** Undefined when the replay removes it. */
  readonly after: unknown;
}

export interface SetDifference {
  /** The transaction set or message: '850', 'ORDERS'. */
  readonly message: string;
  readonly interchange: string;
  readonly controlNumber: string;
  /**
   * same: the replay makes the document the original made; changed: another one (see changes); added: the
   * original made none (its set was rejected or its map failed), the replay does; removed: the other way round;
   * none: neither makes one.
   */
  readonly outcome: 'same' | 'changed' | 'added' | 'removed' | 'none';
  readonly changes: readonly FieldChange[];
  /** Why the replay makes no document of it: validation errors and translation problems, with where. */
  readonly findings: readonly Finding[];
}

export interface DryRun {
  readonly fileId: string;
  readonly partner: string;
  readonly profileVersion: number;
  /** What is wrong with the file's interchanges and groups as such. */
  readonly findings: readonly Finding[];
  readonly sets: readonly SetDifference[];
}

export async function dryRunReplay(pool: Pool, fileId: string, options: { readonly profileVersion?: number | undefined }): Promise<DryRun> {
  const file = /^[1-9][0-9]{0,18}$/.test(fileId) ? await getReceivedFile(pool, fileId) : undefined;
  if (!file) throw new GatewayError('FILE_NOT_FOUND', `There is no received file ${JSON.stringify(fileId)}.`);
  const profile = await getProfileVersion(pool, file.partner, options.profileVersion);
  if (!profile) throw new GatewayError('PARTNER_NOT_FOUND', `Partner "${file.partner}" has no profile version ${String(options.profileVersion ?? '(current)')} to read file ${fileId} with.`);
  const content = await readFileContent(pool, fileId);
  let translated: ReturnType<typeof translateFile>;
  try {
    translated = translateFile(content, inboundTranslation(profile.profile));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { fileId, partner: file.partner, profileVersion: profile.version, findings: [{ where: '', message: error.message }], sets: [] };
  }
  const made = new Map((await listFileDocuments(pool, fileId)).map((document) => [keyOf(document.canonical.source, document.messageType), document.canonical as unknown]));
  const sets = translated.documents
    .filter((document) => document.mapped)
    .map((document): SetDifference => {
      const before = made.get(keyOf(document.source, document.message));
      const after = document.canonical === undefined ? undefined : plain(document.canonical);
      const base = { message: document.message, interchange: document.source.interchangeControlNumber, controlNumber: document.controlNumber, findings: document.findings };
      if (before === undefined && after === undefined) return { ...base, outcome: 'none', changes: [] };
      const changes = diffProfiles(before ?? {}, after ?? {}).map(({ path, before: was, after: is }) => ({ path: formatPath(path), before: was, after: is }));
      const outcome = before === undefined ? 'added' : after === undefined ? 'removed' : changes.length === 0 ? 'same' : 'changed';
      return { ...base, outcome, changes };
    });
  return { fileId, partner: file.partner, profileVersion: profile.version, findings: translated.findings, sets };
}

function keyOf(source: Source, message: string): string {
  return [source.interchangeControlNumber, source.groupControlNumber ?? '', message, source.setControlNumber].join('/');
}

/** As the database holds a canonical document (JSON): no undefined fields, dates as text. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** `~ lines[2].unit: "BG" -> "EA"`, `+ notes: [...]`, `- carrier: {...}` */
export function describeFieldChange({ path, before, after }: FieldChange): string {
  const field = path || '(document)';
  if (before === undefined) return `+ ${field}: ${JSON.stringify(after)}`;
  if (after === undefined) return `- ${field}: ${JSON.stringify(before)}`;
  return `~ ${field}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
}
