import { readTemplate } from '../../partners/profile-template.js';
import { newPartnerProfile, saveNewPartner } from '../../gateway/partners/new-partner.js';
import type { Pool } from '../../gateway/store/pool.js';

// A store as a busy gateway has it after some months: partners, received files each with its interchange,
// group, set and inbound document, as many documents sent with their acknowledgment states, open and
// resolved exceptions, and the events of all of them, spread over 90 days. Written with set-based SQL, so
// 100,000 documents take seconds, not the hours the pipeline would.

export const BENCH_PARTNERS = Array.from({ length: 10 }, (_, index) => `retailer${index + 1}`);

export async function seedStore(pool: Pool, documents: number, defaultsFile: string): Promise<void> {
  const template = readTemplate('retailer-x12-4010');
  for (const [index, id] of BENCH_PARTNERS.entries()) {
    const envelopeId = `RETAIL${index + 1}`;
    const profile = newPartnerProfile({ template, values: { id, name: `Retailer ${index + 1}`, isaId: envelopeId, gsId: envelopeId, odooPartner: envelopeId }, defaultsFile });
    await saveNewPartner(pool, { profile, template, changedBy: 'bench' });
  }
  const partners = BENCH_PARTNERS;
  // Every 50th file rejected, every 40th document sent rejected, every 25th overdue, the newest still awaited.
  await pool.query(
    `INSERT INTO received_files (partner, source, original_name, intake_key, size, sha256, content, received_at, received_by, state, state_changed_at, standard)
     SELECT ($2::text[])[1 + i % 10], 'sftp', 'order-' || i || '.x12', 'bench:' || i, 3, lpad(to_hex(i), 64, '0'), '\\x495341'::bytea,
            now() - make_interval(secs => ($1 - i) * 77.76), 'bench', CASE WHEN i % 50 = 0 THEN 'REJECTED' ELSE 'PROCESSED' END,
            now() - make_interval(secs => ($1 - i) * 77.76), 'X12'
       FROM generate_series(1, $1) AS i`,
    [documents, partners],
  );
  await pool.query(
    `INSERT INTO interchanges (file_id, partner, standard, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, usage, start_offset, end_offset, created_at)
     SELECT id, partner, 'X12', 'ZZ', upper(partner), 'ZZ', 'THREEPL', lpad(id::text, 9, '0'), 'production', 0, 3, received_at FROM received_files`,
  );
  await pool.query(`INSERT INTO functional_groups (interchange_id, functional_id, control_number, version, start_offset, end_offset) SELECT id, 'PO', id::text, '004010', 0, 3 FROM interchanges`);
  await pool.query(
    `INSERT INTO transaction_sets (interchange_id, group_id, message_type, control_number, start_offset, end_offset, state, state_changed_at)
     SELECT g.interchange_id, g.id, '850', '0001', 0, 3, CASE WHEN f.state = 'REJECTED' THEN 'REJECTED' ELSE 'SYNCED' END, f.state_changed_at
       FROM functional_groups g JOIN interchanges i ON i.id = g.interchange_id JOIN received_files f ON f.id = i.file_id`,
  );
  await pool.query(
    `INSERT INTO documents (direction, kind, partner, reference, canonical, file_id, set_id, profile_version, state, state_changed_at, sync_reference, created_at)
     SELECT 'inbound', 'Order', i.partner, 'PO-' || i.file_id, jsonb_build_object('kind', 'order', 'orderNumber', 'PO-' || i.file_id), i.file_id, s.id, 1, 'SYNCED', s.state_changed_at, 'S' || lpad(s.id::text, 5, '0'), s.state_changed_at
       FROM transaction_sets s JOIN interchanges i ON i.id = s.interchange_id WHERE s.state = 'SYNCED'`,
  );
  await pool.query(
    `INSERT INTO outbound_documents (partner, kind, reference, canonical, origin, state, profile_version, standard, message, functional_id,
                                     interchange_control_number, group_control_number, set_control_number, content, transport, file_name, reason,
                                     rendered_at, delivered_at, due_at, acknowledged_at, created_by, created_at, state_changed_at)
     SELECT ($2::text[])[1 + i % 10], 'ship-notice', 'ASN-' || i, jsonb_build_object('kind', 'ship-notice', 'shipmentId', 'ASN-' || i, 'orders', jsonb_build_array(jsonb_build_object('orderNumber', 'PO-' || i))), 'odoo', state, 1, 'X12', '856', 'SH',
            lpad(i::text, 9, '0'), i::text, '0001', '\\x495341'::bytea, 'sftp-mailbox', '856-' || i || '.x12',
            CASE WHEN state = 'REJECTED' THEN 'TD5, the carrier details, is missing (AK3 segment TD5 at position 7, code 3)' END,
            at, at, at + interval '24 hours', CASE WHEN state IN ('ACCEPTED', 'REJECTED') THEN at + interval '2 hours' END, 'odoo-poller', at, at
       FROM (SELECT i, now() - make_interval(secs => ($1 - i) * 77.76) AS at,
                    CASE WHEN i % 40 = 0 THEN 'REJECTED' WHEN i % 25 = 0 THEN 'OVERDUE' WHEN i > $1 - 500 THEN 'AWAITING_ACK' ELSE 'ACCEPTED' END AS state
               FROM generate_series(1, $1) AS i) AS sent`,
    [documents, partners],
  );
  await pool.query(
    `INSERT INTO exceptions (key, code, message, partner, reference, file_id, actions, state, created_at)
     SELECT 'bench:' || id, 'SYNC_REFUSED', 'Odoo refused the order: the product WIDGET-' || id || ' is archived.', partner, 'PO-' || id, id, ARRAY['RETRY', 'DISMISS'],
            CASE WHEN id % 3 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, received_at
       FROM received_files WHERE id % 20 = 0`,
  );
  await pool.query(
    `INSERT INTO events (entity, entity_id, type, actor, details, at)
     SELECT 'file', f.id::text, step.type, 'bench', '{}'::jsonb, f.received_at + step.after
       FROM received_files f CROSS JOIN (VALUES ('file.received', interval '0'), ('file.identified', interval '1 second'), ('file.parsed', interval '2 seconds'), ('file.acknowledged', interval '3 seconds')) AS step(type, after)`,
  );
  await pool.query(
    `INSERT INTO events (entity, entity_id, type, actor, details, at)
     SELECT 'document', d.id::text, step.type, 'bench', '{}'::jsonb, d.created_at + step.after
       FROM outbound_documents d CROSS JOIN (VALUES ('document.stored', interval '0'), ('document.rendered', interval '1 second'), ('document.delivered', interval '2 seconds')) AS step(type, after)`,
  );
  await pool.query('ANALYZE');
}
