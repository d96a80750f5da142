import type { PartnerProfile } from '../../../partners/schema/profile.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { OdooClient } from '../client/odoo-client.js';

// The partner's own res.partner record, as its profile names it: by id, or by its Reference (ref), which
// stays the same when a database is copied. Archived contacts do not count: Odoo would refuse documents
// for them anyway, and a partner that was archived on purpose must not come back through EDI.

export async function partnerRecord(client: OdooClient, odoo: PartnerProfile['odoo']): Promise<number> {
  if (odoo.partnerId !== undefined) {
    const [id] = await client.search('res.partner', [['id', '=', odoo.partnerId]]);
    if (id === undefined) {
      throw new GatewayError('ODOO_RECORD_MISSING', `res.partner ${odoo.partnerId}, which the partner's profile names (odoo.partnerId), is not in Odoo or is archived`);
    }
    return id;
  }
  const ref = odoo.partnerRef ?? '';
  const ids = await client.search(
    'res.partner',
    [
      ['ref', '=', ref],
      ['parent_id', '=', false],
    ],
    { limit: 2 },
  );
  if (ids.length === 0) {
    throw new GatewayError('ODOO_RECORD_MISSING', `No company in Odoo has the Reference "${ref}" that the partner's profile names (odoo.partnerRef), or it is archived`);
  }
  if (ids.length > 1) {
    throw new GatewayError('ODOO_RECORD_AMBIGUOUS', `res.partner ${ids.join(' and ')} in Odoo both have the Reference "${ref}" that the partner's profile names (odoo.partnerRef); give one of them another, or name it by odoo.partnerId`);
  }
  return ids[0]!;
}
