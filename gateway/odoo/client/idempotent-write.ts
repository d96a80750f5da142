import { createHash } from 'node:crypto';
import type { OdooClient, OdooDomain, OdooRecord, OdooValues } from './odoo-client.js';
import type { OdooContext } from './odoo-call.js';
import { isOdooCallError, OdooCallError, preview } from './odoo-errors.js';

// Writes that can be repeated without doubling anything in Odoo (reference 3.14). A record the gateway makes
// gets an external identifier (ir.model.data, module edi_gateway) named after its EDI source, and carries a
// business reference (client_order_ref, ref ...) that finds it even when that identifier was never
// registered: the create committed but its answer was lost, or the integration user may not create external
// identifiers. Both are looked up before anything is created. One document is worked on by one worker at a
// time (the pipeline locks its row), so the lookup and the create do not race each other.

export const EDI_GATEWAY_MODULE = 'edi_gateway';

export interface ExternalId {
  readonly module: string;
  readonly name: string;
}

/**
 * edi_gateway.<parts>: lower case, letters, digits and _ only. When that changes the source's text ("PO-1" and
 * "PO 1" would both give po_1) a hash of the exact text is appended, so that two sources never share one.
 */
export function ediExternalId(...parts: readonly string[]): ExternalId {
  const raw = parts.join('_');
  if (raw === '') throw new OdooCallError('ODOO_REQUEST_INVALID', 'An external identifier needs at least one non-empty part');
  const safe = raw
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (safe === raw && safe.length <= 100) return { module: EDI_GATEWAY_MODULE, name: safe };
  const digest = createHash('sha256').update(raw, 'utf8').digest('hex').slice(0, 12);
  return { module: EDI_GATEWAY_MODULE, name: `${safe.slice(0, 80)}_${digest}`.replace(/^_/, '') };
}

export interface EnsureRecordOptions {
  readonly model: string;
  readonly externalId: ExternalId;
  /** The business key that finds the record made for this source (e.g. client_order_ref and partner_id). */
  readonly reference: OdooDomain;
  /** The new record's values, for create. */
  readonly values?: OdooValues;
  /**
   * Makes the record instead of create(values), answering its id: a business method that creates it
   * (message_post), or values that are worth working out only when the record is not there yet.
   */
  readonly make?: (client: OdooClient) => Promise<number>;
  readonly context?: OdooContext;
}

export interface EnsuredRecord {
  readonly id: number;
  /** true when this call made the record (possibly through a create whose answer was lost). */
  readonly created: boolean;
  /** false when the integration user may not create external identifiers: the reference is then the only key. */
  readonly externalIdRegistered: boolean;
}

const everything: OdooContext = { active_test: false };

async function findExternalId(client: OdooClient, externalId: ExternalId): Promise<{ model: string; resId: number } | undefined> {
  const [row] = await client.searchRead(
    'ir.model.data',
    [
      ['module', '=', externalId.module],
      ['name', '=', externalId.name],
    ],
    { fields: ['model', 'res_id'], limit: 1 },
  );
  return row ? { model: String(row.model), resId: Number(row.res_id) } : undefined;
}

async function findByReference(client: OdooClient, options: EnsureRecordOptions): Promise<number | undefined> {
  // Archived records count: a document whose record someone archived must not get a second one.
  const ids = await client.search(options.model, options.reference, { limit: 2, context: everything });
  if (ids.length > 1) {
    throw new OdooCallError(
      'ODOO_RECORD_AMBIGUOUS',
      `More than one ${options.model} record in Odoo (${ids.join(', ')} ...) matches ${preview(options.reference)}, the reference of ${options.externalId.module}.${options.externalId.name}`,
    );
  }
  return ids[0];
}

/**
 * Gives an existing record the external identifier; false when the integration user may not create external
 * identifiers. Safe to repeat: an identifier already pointing at the record is taken as registered.
 */
export async function ensureExternalId(client: OdooClient, externalId: ExternalId, record: { readonly model: string; readonly id: number }): Promise<boolean> {
  const model = client.names.model(record.model);
  const { id } = record;
  try {
    await client.create('ir.model.data', { module: externalId.module, name: externalId.name, model, res_id: id, noupdate: true });
    return true;
  } catch (error) {
    if (isOdooCallError(error, 'ODOO_ACCESS_DENIED')) return false;
    // A lost answer, or the identifier already there (a lost answer earlier): what it points at decides.
    if (!isOdooCallError(error, 'ODOO_OUTCOME_UNKNOWN') && !isOdooCallError(error, 'ODOO_RECORD_REFUSED')) throw error;
    const found = await findExternalId(client, externalId);
    if (found === undefined) throw error;
    if (found.model === model && found.resId === id) return true;
    throw new OdooCallError(
      'ODOO_RECORD_AMBIGUOUS',
      `The external identifier ${externalId.module}.${externalId.name} already points at ${found.model} ${found.resId}, while its reference finds ${model} ${id}`,
    );
  }
}

/** The record an external identifier points at, if it exists and is of the model. */
export async function findByExternalId(client: OdooClient, externalId: ExternalId, model: string): Promise<number | undefined> {
  const known = await findExternalId(client, externalId);
  if (known === undefined) return undefined;
  const odooModel = client.names.model(model);
  if (known.model !== odooModel) {
    throw new OdooCallError('ODOO_EXTERNAL_ID_STALE', `The external identifier ${externalId.module}.${externalId.name} points at a ${known.model} record, not at a ${odooModel}`);
  }
  const [id] = await client.search(model, [['id', '=', known.resId]], { context: everything });
  if (id === undefined) {
    throw new OdooCallError('ODOO_EXTERNAL_ID_STALE', `${model} ${known.resId}, made in Odoo for ${externalId.module}.${externalId.name}, was deleted there; it is not made again without someone deciding to`);
  }
  return id;
}

/**
 * The id of the record made for `externalId`, creating it (and registering the identifier) only when neither
 * the identifier nor the reference finds one. A create whose answer was lost is never sent again here: the
 * reference is searched at once, and when the record is not (yet) there ODOO_OUTCOME_UNKNOWN is thrown for
 * the step to be tried later, since a slow Odoo may still be saving it.
 */
export async function ensureRecord(client: OdooClient, options: EnsureRecordOptions): Promise<EnsuredRecord> {
  if (options.reference.length === 0) throw new OdooCallError('ODOO_REQUEST_INVALID', `ensureRecord on ${options.model} needs a reference that finds the record it makes`);
  const { values, make } = options;
  if ((values === undefined) === (make === undefined)) throw new OdooCallError('ODOO_REQUEST_INVALID', `ensureRecord on ${options.model} needs either values or make, not both`);
  const known = await findByExternalId(client, options.externalId, options.model);
  if (known !== undefined) return { id: known, created: false, externalIdRegistered: true };
  const register = (id: number) => ensureExternalId(client, options.externalId, { model: options.model, id });
  const found = await findByReference(client, options);
  if (found !== undefined) return { id: found, created: false, externalIdRegistered: await register(found) };
  let id: number;
  try {
    id = make ? await make(client) : await client.create(options.model, values!, options.context ? { context: options.context } : {});
  } catch (error) {
    if (!isOdooCallError(error, 'ODOO_OUTCOME_UNKNOWN')) throw error;
    const saved = await findByReference(client, options);
    if (saved === undefined) throw error;
    id = saved;
  }
  return { id, created: true, externalIdRegistered: await register(id) };
}

export interface WriteStep {
  readonly name: string;
  /** Whether the record as read shows the step done: the state it leads to, or a later one. */
  readonly done: (record: OdooRecord) => boolean;
  readonly run: (client: OdooClient, id: number) => Promise<unknown>;
}

export interface ResumeStepsOptions {
  readonly model: string;
  readonly id: number;
  /** What `done` looks at (state, locked ...). */
  readonly fields: readonly string[];
  /** In order: create's follow-ups such as confirm, then validate. */
  readonly steps: readonly WriteStep[];
}

export interface ResumedSteps {
  readonly record: OdooRecord;
  /** Steps done by this call (one whose answer was lost but which Odoo shows done included). */
  readonly ran: readonly string[];
  /** Steps found done already. */
  readonly skipped: readonly string[];
}

/**
 * Carries a multi-step write on from where it stopped: re-reads the record, skips the steps it shows done,
 * runs the others in order. A step that failed but shows done on reading (its answer was lost, or someone
 * did it meanwhile) counts as done; otherwise its failure comes out.
 */
export async function resumeSteps(client: OdooClient, options: ResumeStepsOptions): Promise<ResumedSteps> {
  const reread = async (): Promise<OdooRecord> => {
    const [record] = await client.read(options.model, [options.id], { fields: options.fields });
    if (!record) throw new OdooCallError('ODOO_RECORD_MISSING', `${options.model} ${options.id} does not exist in Odoo or has been deleted`);
    return record;
  };
  let record = await reread();
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const step of options.steps) {
    if (step.done(record)) {
      skipped.push(step.name);
      continue;
    }
    let answer: unknown;
    try {
      answer = await step.run(client, options.id);
    } catch (error) {
      if (!isOdooCallError(error)) throw error;
      record = await reread();
      if (!step.done(record)) throw error;
      ran.push(step.name);
      continue;
    }
    record = await reread();
    if (!step.done(record)) {
      const wizard = answer !== null && typeof answer === 'object' && 'res_model' in answer ? ` (it opened ${String((answer as { res_model: unknown }).res_model)}, which needs a person)` : '';
      throw new OdooCallError('ODOO_RECORD_REFUSED', `Odoo did not complete "${step.name}" on ${options.model} ${options.id}${wizard}; it reads ${preview(record)}`);
    }
    ran.push(step.name);
  }
  return { record, ran, skipped };
}
