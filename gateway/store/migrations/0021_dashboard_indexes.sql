-- What the dashboard's acknowledgments and documents pages search by, each on an index so that a search stays
-- fast on hundreds of thousands of documents: the business references a document carries, control numbers
-- (partners echo them with or without our leading zeros), the partner with the day it was sent or received,
-- the file name it went under, and the acknowledgment status.

-- The business numbers a document is known by: its own reference (order, shipment or invoice number) and the
-- purchase order numbers it carries (a ship notice's orders, an invoice's order, a shipment status's orders),
-- so that support finds a rejected 856 by the PO number it knows.
CREATE FUNCTION business_references(reference text, canonical jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ARRAY(
    SELECT DISTINCT number FROM (
      SELECT reference AS number
      UNION ALL
      SELECT jsonb_array_elements_text(
        jsonb_path_query_array(canonical, 'lax $.orders[*].orderNumber')
        || jsonb_path_query_array(canonical, 'lax $.orderNumbers[*]')
        || jsonb_path_query_array(canonical, 'lax $.orderNumber'))
    ) numbers
    WHERE number IS NOT NULL AND number <> ''
    ORDER BY number
  ) $$;

CREATE INDEX outbound_documents_references_idx ON outbound_documents USING gin (business_references(reference, canonical));
CREATE INDEX documents_references_idx ON documents USING gin (business_references(reference, canonical));

CREATE INDEX outbound_documents_partner_created_idx ON outbound_documents (partner, created_at);
CREATE INDEX outbound_documents_created_idx ON outbound_documents (created_at);
CREATE INDEX outbound_documents_kind_idx ON outbound_documents (kind, id DESC);
CREATE INDEX outbound_documents_status_idx ON outbound_documents (state, id DESC);
CREATE INDEX outbound_documents_partner_status_idx ON outbound_documents (partner, state, id DESC);
CREATE INDEX outbound_documents_interchange_number_idx ON outbound_documents (ltrim(interchange_control_number, '0'));
CREATE INDEX outbound_documents_group_number_idx ON outbound_documents (ltrim(group_control_number, '0'));
CREATE INDEX outbound_documents_set_number_idx ON outbound_documents (ltrim(set_control_number, '0'));
CREATE INDEX outbound_documents_file_name_idx ON outbound_documents (lower(file_name) text_pattern_ops);
-- The acknowledgments page lists the documents that expect (or got) an acknowledgment.
CREATE INDEX outbound_documents_expecting_idx ON outbound_documents (id DESC) WHERE due_at IS NOT NULL OR acknowledgment_id IS NOT NULL;

CREATE INDEX interchanges_number_idx ON interchanges (ltrim(control_number, '0'));
CREATE INDEX functional_groups_number_idx ON functional_groups (ltrim(control_number, '0'));
CREATE INDEX transaction_sets_number_idx ON transaction_sets (ltrim(control_number, '0'));
CREATE INDEX transaction_sets_interchange_idx ON transaction_sets (interchange_id, id DESC);
