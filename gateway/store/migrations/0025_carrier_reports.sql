-- Carriers' status reports synced to our deliveries, which the Odoo poller relays to the delivery's customer
-- when they say the goods arrived (Odoo has no field for it): read by when they were synced, each poll from
-- its mark (kept in odoo_watermarks under the name 'carrier-reports'), and by the delivery they were synced to.
CREATE INDEX documents_carrier_reports_synced_idx ON documents (state_changed_at, id)
  WHERE direction = 'inbound' AND kind = 'ShipmentStatus' AND state = 'SYNCED';
CREATE INDEX documents_carrier_reports_delivery_idx ON documents (sync_reference)
  WHERE direction = 'inbound' AND kind = 'ShipmentStatus' AND state = 'SYNCED';
