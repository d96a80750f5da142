import { createIntake } from '../../gateway/ingest/accept-file.js';
import type { Pool } from '../../gateway/store/pool.js';
import { appendEvent } from '../../gateway/store/sql/events.js';

// Documents both ways written straight into the tables, as the pipeline would have left them, for the
// dashboard's acknowledgments and documents pages: outbound ones in any state of their acknowledgment (with
// the partner's 997 that settled them), and inbound transaction sets with their diagnostics and document.

/** An X12 interchange of one ship notice (856) with these control numbers and purchase order. */
export function shipNoticeInterchange(options: { readonly interchange: string; readonly group: string; readonly set: string; readonly shipment: string; readonly order: string }): string {
  const isa = ['ISA', '00', ''.padEnd(10), '00', ''.padEnd(10), '01', '123456789'.padEnd(15), 'ZZ', 'ACMERETAIL'.padEnd(15), '260302', '1500', 'U', '00401', options.interchange.padStart(9, '0'), '0', 'T', '>'].join('*');
  return [
    isa,
    `GS*SH*THREEPL*ACMERETAIL*20260302*1500*${options.group}*X*004010`,
    `ST*856*${options.set}`,
    `BSN*00*${options.shipment}*20260302*1500`,
    'HL*1**S',
    `PRF*${options.order}`,
    `SE*5*${options.set}`,
    `GE*1*${options.group}`,
    `IEA*1*${options.interchange.padStart(9, '0')}`,
  ].join('~\n') + '~\n';
}

export interface OutboundSeed {
  readonly partner: string;
  readonly shipment: string;
  readonly order: string;
  readonly state: 'AWAITING_ACK' | 'OVERDUE' | 'ACCEPTED' | 'ACCEPTED_WITH_ERRORS' | 'REJECTED';
  readonly interchange: string;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly reason?: string;
  /** The partner's 997 that settled it: its errors, as the reconcile step stores them. */
  readonly acknowledgment?: { readonly errors: readonly Record<string, unknown>[] };
}

/** A ship notice (856) we sent, delivered, in the state given, with its events; returns its id. */
export async function seedOutboundShipNotice(pool: Pool, seed: OutboundSeed): Promise<string> {
  const group = String(Number(seed.interchange));
  const content = shipNoticeInterchange({ interchange: seed.interchange, group, set: '0001', shipment: seed.shipment, order: seed.order });
  const canonical = { kind: 'ship-notice', purpose: 'original', shipmentId: seed.shipment, orders: [{ orderNumber: seed.order, pallets: [] }] };
  const settled = seed.state !== 'AWAITING_ACK' && seed.state !== 'OVERDUE';
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO outbound_documents (partner, kind, reference, canonical, origin, state, profile_version, standard, message, functional_id,
            interchange_control_number, group_control_number, set_control_number, content, transport, file_name, reason,
            rendered_at, delivered_at, due_at, acknowledged_at, created_by, created_at, state_changed_at)
     VALUES ($1, 'ship-notice', $2, $3, 'api', $4, 1, 'X12', '856', 'SH', $5, $6, '0001', $7, 'sftp-mailbox', $8, $9,
             $10, $10, $11, $12, 'api-user', $10, $10)
     RETURNING id::text`,
    [
      seed.partner,
      seed.shipment,
      JSON.stringify(canonical),
      seed.state,
      seed.interchange.padStart(9, '0'),
      group,
      Buffer.from(content, 'latin1'),
      `856-${seed.interchange}.x12`,
      seed.reason ?? null,
      seed.createdAt,
      seed.dueAt,
      settled ? seed.dueAt : null,
    ],
  );
  const id = (inserted.rows[0] as { id: string }).id;
  await appendEvent(pool, { entity: 'document', entityId: id, type: 'document.stored', actor: 'api-user', details: { partner: seed.partner, kind: 'ship-notice', reference: seed.shipment } });
  await appendEvent(pool, { entity: 'document', entityId: id, type: 'document.delivered', actor: 'gateway-1', details: { fileName: `856-${seed.interchange}.x12` } });
  if (seed.acknowledgment) {
    const file = await seedReceivedFile(pool, { partner: seed.partner, name: `997-${seed.interchange}.x12`, content: 'ISA*997', key: `997:${id}` });
    const setId = await seedSet(pool, { fileId: file, partner: seed.partner, message: '997', interchange: '77', group: '77', set: '0001', state: 'ACCEPTED', end: 7 });
    const acknowledgment = await pool.query<{ id: string }>(
      `INSERT INTO acknowledgments_in (set_id, file_id, partner, kind, control_number, outcome, document_id, functional_ack)
       VALUES ($1, $2, $3, '997', '77', 'settled', $4, $5) RETURNING id::text`,
      [setId, file, seed.partner, id, JSON.stringify({ kind: 'functional-ack', status: 'rejected', sets: [{ setControlNumber: '0001', setType: '856', status: 'rejected', errors: seed.acknowledgment.errors }] })],
    );
    await pool.query('UPDATE outbound_documents SET acknowledgment_id = $2 WHERE id = $1', [id, acknowledgment.rows[0]?.id]);
  }
  if (settled) await appendEvent(pool, { entity: 'document', entityId: id, type: 'document.acknowledged', actor: 'gateway-1', details: { state: seed.state, reason: seed.reason ?? null } });
  return id;
}

export async function seedReceivedFile(pool: Pool, file: { readonly partner: string; readonly name: string; readonly content: string; readonly key: string; readonly receivedAt?: string }): Promise<string> {
  const intake = createIntake({ pool, actor: 'test', afterCommit: () => undefined });
  const { fileId } = await intake({ partner: file.partner, source: 'local-dir', originalName: file.name, intakeKey: `seed:${file.key}`, content: Buffer.from(file.content, 'latin1') });
  if (file.receivedAt) await pool.query('UPDATE received_files SET received_at = $2 WHERE id = $1', [fileId, file.receivedAt]);
  return fileId;
}

/** One interchange holding one group and one set, the whole file; returns the set's id. */
export async function seedSet(
  pool: Pool,
  set: {
    readonly fileId: string;
    readonly partner: string;
    readonly message: string;
    readonly interchange: string;
    readonly group: string;
    readonly set: string;
    readonly state: string;
    readonly end: number;
    readonly setStart?: number;
    readonly diagnostics?: readonly Record<string, unknown>[];
  },
): Promise<string> {
  const interchange = await pool.query<{ id: string }>(
    `INSERT INTO interchanges (file_id, partner, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, usage, start_offset, end_offset)
     VALUES ($1, $2, 'X12', 'ZZ', 'ACMERETAIL', '01', '123456789', $3, 'test', 0, $4) RETURNING id::text`,
    [set.fileId, set.partner, set.interchange, set.end],
  );
  const group = await pool.query<{ id: string }>(
    `INSERT INTO functional_groups (interchange_id, functional_id, control_number, version, start_offset, end_offset) VALUES ($1, 'SH', $2, '004010', 1, $3) RETURNING id::text`,
    [interchange.rows[0]?.id, set.group, set.end - 1],
  );
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO transaction_sets (interchange_id, group_id, message_type, control_number, start_offset, end_offset, state, diagnostics)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
    [interchange.rows[0]?.id, group.rows[0]?.id, set.message, set.set, set.setStart ?? 2, set.end - 2, set.state, JSON.stringify(set.diagnostics ?? [])],
  );
  return (inserted.rows[0] as { id: string }).id;
}

/** An inbound ship notice from a partner, read, translated and synced to Odoo as `syncReference`; returns the set's id. */
export async function seedInboundShipNotice(
  pool: Pool,
  seed: { readonly partner: string; readonly name: string; readonly interchange: string; readonly shipment: string; readonly order: string; readonly receivedAt: string; readonly syncReference: string; readonly diagnostics?: readonly Record<string, unknown>[] },
): Promise<string> {
  const content = shipNoticeInterchange({ interchange: seed.interchange, group: String(Number(seed.interchange)), set: '0001', shipment: seed.shipment, order: seed.order });
  const fileId = await seedReceivedFile(pool, { partner: seed.partner, name: seed.name, content, key: seed.name, receivedAt: seed.receivedAt });
  const setId = await seedSet(pool, {
    fileId,
    partner: seed.partner,
    message: '856',
    interchange: seed.interchange.padStart(9, '0'),
    group: String(Number(seed.interchange)),
    set: '0001',
    state: 'TRANSLATED',
    end: Buffer.byteLength(content, 'latin1'),
    setStart: content.indexOf('ST*'),
    diagnostics: seed.diagnostics,
  });
  const canonical = { kind: 'ship-notice', purpose: 'original', shipmentId: seed.shipment, orders: [{ orderNumber: seed.order, pallets: [] }] };
  const document = await pool.query<{ id: string }>(
    `INSERT INTO documents (direction, kind, partner, reference, canonical, file_id, set_id, profile_version, state, sync_reference)
     VALUES ('inbound', 'ShipNotice', $1, $2, $3, $4, $5, 1, 'SYNCED', $6) RETURNING id::text`,
    [seed.partner, seed.shipment, JSON.stringify(canonical), fileId, setId, seed.syncReference],
  );
  await appendEvent(pool, { entity: 'inbound-document', entityId: document.rows[0]?.id as string, type: 'document.synced', actor: 'gateway-1', details: { syncReference: seed.syncReference } });
  return setId;
}
