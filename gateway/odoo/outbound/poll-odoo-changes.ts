import type { PartnerProfile } from '../../../partners/schema/profile.js';
import { errorCatalogue } from '../../errors/catalogue.js';
import { isGatewayError } from '../../errors/gateway-error.js';
import { ExceptionAction } from '../../exceptions/exception.js';
import { openExceptionWithAlert } from '../../exceptions/open-exception.js';
import type { Logger } from '../../log.js';
import { storeOutboundDocument } from '../../outbound/store-document.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { deliveredMilestone, deliveredReportsAfter } from '../../store/sql/carrier-reports.js';
import { appendEvent } from '../../store/sql/events.js';
import { getOdooWatermark, recordSkippedRecord, sentIntakeKeys, setOdooWatermark, type OdooWatermark } from '../../store/sql/odoo-watermarks.js';
import { getProfileVersion, listProfiles } from '../../store/sql/partner-profiles.js';
import type { OdooClient, OdooDomain, OdooRecord } from '../client/odoo-client.js';
import { isOdooCallError } from '../client/odoo-errors.js';
import type { OdooConnection } from '../sync/odoo-connection.js';
import { many2oneId } from '../sync/odoo-values.js';
import { partnerRecord } from '../sync/partner-record.js';
import type { OutboundFlow, OutboundSource } from './outbound-flow.js';
import { deliveryToShipmentStatus } from './delivery-to-shipment-status.js';
import { OUTBOUND_SOURCES, deliveries } from './outbound-sources.js';

// One poll of one Odoo connection (reference 3.15): per model, the records written since the watermark, in
// write_date order and in pages, each turned into the documents the partners whose profiles take them are
// sent. A document is stored under an intake key naming the connection, the model, the record and the part
// (a milestone), so the record is sent once per partner however often it is polled or changed; sending it
// again is a resubmission. The watermark moves past a page only once its documents are stored, so a poll
// that fails half-way (Odoo down, the gateway stopped) is taken up again by the next one. A record that
// cannot become its document is an exception naming it, and the poll goes on: it is read again when it
// next changes, not every poll.

const PAGE_SIZE = 100;
/**
 * How far back each poll looks again behind the watermark. Odoo stamps write_date with the start of the
 * writing transaction, so one that commits after a poll can carry a write_date the watermark has passed
 * (reference 3.15); looking again at the last minutes finds it, and the intake keys keep what was sent from
 * going twice.
 */
const OVERLAP_MS = 5 * 60_000;
/** Under which name odoo_watermarks keeps how far the carriers' delivered reports were read (migration 0025). */
const CARRIER_REPORTS = 'carrier-reports';

export interface PollOdooDeps {
  readonly pool: Pool;
  readonly connection: OdooConnection;
  /** What the watermarks and intake keys know the Odoo by: the same Odoo database must keep the same key. */
  readonly connectionKey: string;
  readonly actor: string;
  readonly log: Logger;
  /** Queues the render step of a stored document; the outbound sweep finds it when this fails. */
  readonly nudgeRender: (documentId: string) => Promise<void>;
  readonly pageSize?: number;
  readonly sources?: readonly OutboundSource[];
}

export interface PollSummary {
  /** Records read past the watermarks. */
  readonly read: number;
  /** Documents stored by this poll. */
  readonly stored: number;
  readonly exceptions: number;
}

interface Receiver {
  readonly profile: PartnerProfile;
  /** The partner's own res.partner (its company). */
  readonly partnerId: number;
}

export async function pollOdooChanges(deps: PollOdooDeps): Promise<PollSummary> {
  const client = await deps.connection.client();
  const receivers = await receiversOf(deps, client);
  const totals = { read: 0, stored: 0, exceptions: 0 };
  for (const source of deps.sources ?? OUTBOUND_SOURCES) {
    const summary = await pollSource(deps, client, receivers, source);
    totals.read += summary.read;
    totals.stored += summary.stored;
    totals.exceptions += summary.exceptions;
  }
  if ((deps.sources ?? OUTBOUND_SOURCES).includes(deliveries)) {
    const relayed = await relayCarrierMilestones(deps, client, receivers);
    totals.stored += relayed.stored;
    totals.exceptions += relayed.exceptions;
  }
  return totals;
}

/**
 * A carrier's report that a delivery arrived changes nothing the poller reads in Odoo (it is a chatter note),
 * so the deliveries named by reports synced since the last poll are read again here, and their delivered
 * milestone goes to the customer. The mark moves past a page once its documents are stored; each poll also
 * looks again behind it (a report can commit after a poll with an earlier time), and the intake keys keep a
 * milestone from going twice.
 */
async function relayCarrierMilestones(deps: PollOdooDeps, client: OdooClient, receivers: readonly Receiver[]): Promise<{ stored: number; exceptions: number }> {
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  const totals = { stored: 0, exceptions: 0 };
  const mark = await getOdooWatermark(deps.pool, deps.connectionKey, CARRIER_REPORTS);
  let after = mark === undefined ? undefined : { syncedAt: shifted(mark.writeDate, -OVERLAP_MS), documentId: '0' };
  for (;;) {
    const reports = await deliveredReportsAfter(deps.pool, after, pageSize);
    const names = [...new Set(reports.map((report) => report.delivery))];
    const records = names.length === 0 ? [] : await client.searchRead(deliveries.model, [...deliveries.domain, ['name', 'in', names]], { fields: [...deliveries.fields] });
    const companies = await commercialPartners(client, records.map((record) => many2oneId(record[deliveries.partnerField])));
    for (const record of records) {
      const outcome = await sendRecord(deps, client, { source: deliveries, flow: deliveryToShipmentStatus, record, company: companies.get(many2oneId(record[deliveries.partnerField]) ?? 0), receivers });
      totals.stored += outcome.stored;
      totals.exceptions += outcome.exceptions;
    }
    const last = reports.at(-1);
    if (last !== undefined) {
      after = { syncedAt: last.syncedAt, documentId: last.documentId };
      await setOdooWatermark(deps.pool, deps.connectionKey, CARRIER_REPORTS, { writeDate: last.syncedAt, idsAtMark: [] });
    }
    if (reports.length < pageSize) return totals;
  }
}

/** The partners we send documents from Odoo, with their res.partner; a profile whose contact is not in Odoo is left out, and said so. */
async function receiversOf(deps: PollOdooDeps, client: OdooClient): Promise<Receiver[]> {
  const receivers: Receiver[] = [];
  for (const summary of await listProfiles(deps.pool)) {
    const profile = (await getProfileVersion(deps.pool, summary.partner))?.profile;
    if (profile === undefined || !profile.documents.some((entry) => entry.direction === 'out')) continue;
    try {
      receivers.push({ profile, partnerId: await partnerRecord(client, profile.odoo) });
    } catch (error) {
      // Odoo unreachable ends the poll: leaving the partner out would skip its records for good.
      const refusal = refusalOf(error);
      if (refusal === undefined) throw error;
      deps.log.warn({ partner: profile.id, code: refusal.code, odoo: deps.connection.name }, `partner ${profile.id} is sent nothing from Odoo: ${refusal.message}`);
    }
  }
  return receivers;
}

async function pollSource(deps: PollOdooDeps, client: OdooClient, receivers: readonly Receiver[], source: OutboundSource): Promise<PollSummary> {
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  const totals = { read: 0, stored: 0, exceptions: 0 };
  let mark = await getOdooWatermark(deps.pool, deps.connectionKey, source.model);
  if (mark !== undefined) {
    const late = await sendRange(deps, client, receivers, source, [['write_date', '>=', shifted(mark.writeDate, -OVERLAP_MS)], ['write_date', '<=', mark.writeDate]]);
    totals.stored += late.stored;
    totals.exceptions += late.exceptions;
  }
  for (;;) {
    const records = await client.searchRead(source.model, [...source.domain, ...sinceMark(mark)], { fields: [...source.fields], order: 'write_date asc, id asc', limit: pageSize });
    const companies = await commercialPartners(client, records.map((record) => many2oneId(record[source.partnerField])));
    for (const record of records) {
      for (const flow of source.flows) {
        const outcome = await sendRecord(deps, client, { source, flow, record, company: companies.get(many2oneId(record[source.partnerField]) ?? 0), receivers });
        totals.stored += outcome.stored;
        totals.exceptions += outcome.exceptions;
      }
    }
    totals.read += records.length;
    const last = records.at(-1);
    if (last !== undefined) {
      mark = nextMark(mark, records, String(last.write_date));
      await setOdooWatermark(deps.pool, deps.connectionKey, source.model, mark);
    }
    if (records.length < pageSize) return totals;
  }
}

/** Sends what the records in a window behind the watermark owe, page by page; the watermark stays where it is. */
async function sendRange(deps: PollOdooDeps, client: OdooClient, receivers: readonly Receiver[], source: OutboundSource, window: OdooDomain): Promise<{ stored: number; exceptions: number }> {
  const pageSize = deps.pageSize ?? PAGE_SIZE;
  const totals = { stored: 0, exceptions: 0 };
  for (let offset = 0; ; offset += pageSize) {
    const records = await client.searchRead(source.model, [...source.domain, ...window], { fields: [...source.fields], order: 'write_date asc, id asc', limit: pageSize, offset });
    const companies = await commercialPartners(client, records.map((record) => many2oneId(record[source.partnerField])));
    for (const record of records) {
      for (const flow of source.flows) {
        const outcome = await sendRecord(deps, client, { source, flow, record, company: companies.get(many2oneId(record[source.partnerField]) ?? 0), receivers });
        totals.stored += outcome.stored;
        totals.exceptions += outcome.exceptions;
      }
    }
    if (records.length < pageSize) return totals;
  }
}

/** An Odoo datetime ('2026-03-02 14:05:09', UTC) moved by `ms`. */
function shifted(writeDate: string, ms: number): string {
  return new Date(new Date(`${writeDate.replace(' ', 'T')}Z`).getTime() + ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The records after the watermark. Odoo's write_date is to the second, so records written after the poll
 * within the same second as the last one read share its write_date: reading only `write_date > mark` would
 * lose them. So the same second is read again, less the ids already read at it. A record read at that
 * second and written again within it is read at its next change: it was sent already, so nothing is lost.
 */
function sinceMark(mark: OdooWatermark | undefined): OdooDomain {
  if (mark === undefined) return [];
  return ['|', ['write_date', '>', mark.writeDate], '&', ['write_date', '=', mark.writeDate], ['id', 'not in', [...mark.idsAtMark]]];
}

function nextMark(mark: OdooWatermark | undefined, records: readonly OdooRecord[], writeDate: string): OdooWatermark {
  const atMark = records.filter((record) => record.write_date === writeDate).map((record) => record.id);
  return { writeDate, idsAtMark: mark?.writeDate === writeDate ? [...mark.idsAtMark, ...atMark] : atMark };
}

/** The company of each contact (an address's parent company, or the contact itself). */
async function commercialPartners(client: OdooClient, ids: readonly (number | undefined)[]): Promise<Map<number, number>> {
  const known = [...new Set(ids.filter((id): id is number => id !== undefined))];
  const rows = known.length === 0 ? [] : await client.read('res.partner', known, { fields: ['commercial_partner_id'] });
  return new Map(rows.map((row) => [row.id, many2oneId(row.commercial_partner_id) ?? row.id]));
}

interface RecordToSend {
  readonly source: OutboundSource;
  readonly flow: OutboundFlow;
  readonly record: OdooRecord;
  readonly company: number | undefined;
  readonly receivers: readonly Receiver[];
}

async function sendRecord(deps: PollOdooDeps, client: OdooClient, sending: RecordToSend): Promise<{ stored: number; exceptions: number }> {
  const { source, flow, record } = sending;
  const taking = sending.receivers.filter(
    ({ profile, partnerId }) => partnerId === sending.company && profile.documents.some((entry) => entry.document === flow.document && entry.direction === 'out'),
  );
  const sendable = deps.connection.usage === 'test' ? taking.filter(({ profile }) => profile.usage === 'test') : taking;
  if (sendable.length === 0) {
    await recordSkip(deps, sending, taking.length === 0 ? `no partner profile takes a ${flow.document} out for its contact` : `the Odoo is a test one, and the partners taking it are in production`);
    return { stored: 0, exceptions: 0 };
  }
  const outcome = { stored: 0, exceptions: 0 };
  for (const { profile } of sendable) {
    const keyOf = (part: string) => [`odoo:${deps.connectionKey}`, source.model, String(record.id), flow.document, ...(part === '' ? [] : [part])].join(':');
    const sent = await sentIntakeKeys(deps.pool, profile.id, flow.parts.map(keyOf));
    if (flow.parts.every((part) => sent.has(keyOf(part)))) continue;
    try {
      for (const draft of await flow.drafts({ client, record, profile, deliveredMilestone: (delivery) => deliveredMilestone(deps.pool, delivery) })) {
        const stored = await storeOutboundDocument(deps.pool, {
          partner: profile.id,
          json: draft.canonical,
          where: `The ${source.describe(record)} read from ${deps.connection.name}`,
          origin: 'odoo',
          sentBy: deps.actor,
          intakeKey: keyOf(draft.part),
        });
        if (!stored.created) continue;
        outcome.stored += 1;
        deps.nudgeRender(stored.document.id).catch((error: unknown) =>
          deps.log.warn({ err: error, documentId: stored.document.id }, 'could not queue the render of a document from Odoo; the outbound sweep will'),
        );
      }
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === undefined) throw error;
      outcome.exceptions += await openRecordException(deps, sending, profile, refusal);
    }
  }
  return outcome;
}

/** A failure that trying again will not mend, as an exception takes it; undefined for Odoo unreachable and the like, which end the poll. */
function refusalOf(error: unknown): { code: keyof typeof errorCatalogue; message: string } | undefined {
  if (isOdooCallError(error)) return error.transient ? undefined : { code: error.code, message: error.message };
  if (isGatewayError(error) && !errorCatalogue[error.code].retryable) return { code: error.code, message: error.message };
  return undefined;
}

async function openRecordException(deps: PollOdooDeps, sending: RecordToSend, profile: PartnerProfile, refusal: { code: keyof typeof errorCatalogue; message: string }): Promise<number> {
  const { source, flow, record } = sending;
  const reference = typeof record.name === 'string' ? record.name : undefined;
  const opened = await withTransaction(deps.pool, (tx) =>
    openExceptionWithAlert(
      tx,
      {
        key: `odoo-outbound:${deps.connectionKey}:${source.model}:${record.id}:${flow.document}:${profile.id}`,
        code: refusal.code,
        message: refusal.message,
        partner: profile.id,
        ...(reference === undefined ? {} : { reference }),
        location: { odoo: deps.connection.name, model: source.model, id: record.id },
        actions: [ExceptionAction.DISMISS],
      },
      { partnerName: profile.name },
    ),
  );
  deps.log.warn({ partner: profile.id, model: source.model, id: record.id, code: refusal.code }, `${source.describe(record)} not sent to ${profile.id}: ${refusal.message}`);
  return opened.opened ? 1 : 0;
}

async function recordSkip(deps: PollOdooDeps, sending: RecordToSend, reason: string): Promise<void> {
  const { source, flow, record } = sending;
  await withTransaction(deps.pool, async (tx) => {
    const skipped = { connection: deps.connectionKey, model: source.model, recordId: record.id, document: flow.document, reason };
    if (!(await recordSkippedRecord(tx, skipped))) return;
    await appendEvent(tx, { entity: 'odoo-record', entityId: `${source.model}/${record.id}`, type: 'odoo.record-skipped', actor: deps.actor, details: { ...skipped, record: source.describe(record) } });
  });
}
