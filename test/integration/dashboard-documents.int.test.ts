import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readTemplate } from '../../partners/profile-template.js';
import { newPartnerProfile, saveNewPartner } from '../../gateway/partners/new-partner.js';
import type { Pool } from '../../gateway/store/pool.js';
import { listEvents } from '../../gateway/store/sql/events.js';
import { getOutboundDocument } from '../../gateway/store/sql/outbound-documents.js';
import { addUser } from '../../gateway/users/add-user.js';
import { cell } from '../../gateway/web/dashboard/acknowledgments-csv.js';
import { layOut } from '../../gateway/web/dashboard/edi-layout.js';
import { DashboardClient } from '../helpers/dashboard-client.js';
import { seedInboundShipNotice, seedOutboundShipNotice } from '../helpers/document-seeds.js';
import { buildTestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

// The acknowledgments and documents pages on seeded documents: every filter (days in the user's zone), paging,
// the CSV export, a document's page both ways (raw EDI with the partner's errors on their segment, canonical
// JSON, Odoo record, timeline), resubmitting with the CSRF token and the right role, markup in partners' data
// shown as text, and bad filter values answered with a 400 page that says what is wrong.

const PASSWORD = 'correct horse battery';
const DEFAULTS = 'test/fixtures/partners/defaults.yaml';
const now = new Date('2026-03-02T15:00:00Z');
const MARKUP = '<img src=x onerror=alert(1)>';

let pool: Pool;
let app: FastifyInstance;
const ids: Record<string, string> = {};

function decoded(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#x27|#x3D|#x60);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x3D': '=', '#x60': '`' })[entity] as string);
}

/** The outbound documents a page links to, in order. */
function outboundIds(html: string): string[] {
  return [...new Set([...html.matchAll(/href="\/documents\/outbound\/(\d+)"/g)].map((match) => match[1] as string))];
}

/** The rows of a documents search as direction/id. */
function foundDocuments(html: string): string[] {
  return [...html.matchAll(/<td><a href="\/documents\/(inbound|outbound)\/(\d+)">/g)].map((match) => `${match[1]}/${match[2]}`);
}

async function signedIn(username: string): Promise<DashboardClient> {
  const client = new DashboardClient(app);
  expect((await client.signIn(username, PASSWORD)).statusCode).toBe(303);
  return client;
}

async function partnerFrom(templateName: string, values: Record<string, string>): Promise<void> {
  const template = readTemplate(templateName);
  await saveNewPartner(pool, { profile: newPartnerProfile({ template, values, defaultsFile: DEFAULTS }), template, changedBy: 'test' });
}

beforeAll(async () => {
  ({ pool } = await createTestDatabase());
  app = await buildTestApp(pool, {
    dashboard: {
      stuckAfterMs: 5 * 60_000,
      clock: () => now,
    },
  });
  await addUser(pool, { username: 'sam', role: 'support', password: PASSWORD, timeZone: 'UTC', actor: 'test' });
  await addUser(pool, { username: 'vic', role: 'viewer', password: PASSWORD, timeZone: 'America/Chicago', actor: 'test' });

  await partnerFrom('retailer-x12-4010', { id: 'acme', name: 'ACME Retail', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL', odooPartner: 'ACME' });
  await partnerFrom('retailer-x12-4010', { id: 'bulk', name: 'Bulk Buyer', isaId: 'BULKBUYER', gsId: 'BULKBUYER', odooPartner: 'BULK' });

  const due = '2026-03-02T16:00:00Z';
  ids.pending = await seedOutboundShipNotice(pool, { partner: 'acme', shipment: 'SHIP-1', order: 'PO-1', state: 'AWAITING_ACK', interchange: '101', createdAt: '2026-03-02T14:00:00Z', dueAt: due });
  ids.late = await seedOutboundShipNotice(pool, { partner: 'acme', shipment: 'SHIP-2', order: 'PO-2', state: 'AWAITING_ACK', interchange: '102', createdAt: '2026-03-01T10:00:00Z', dueAt: '2026-03-02T13:00:00Z' });
  ids.accepted = await seedOutboundShipNotice(pool, { partner: 'acme', shipment: 'SHIP-3', order: 'PO-3', state: 'ACCEPTED', interchange: '103', createdAt: '2026-03-01T23:30:00Z', dueAt: due });
  ids.rejected = await seedOutboundShipNotice(pool, {
    partner: 'acme',
    shipment: 'SHIP-4',
    order: 'PO-4711',
    state: 'REJECTED',
    interchange: '104',
    createdAt: '2026-03-02T11:00:00Z',
    dueAt: due,
    reason: `rejected: PRF01 (the segment at position 4): invalid code value "${MARKUP}" (AK403 7)`,
    acknowledgment: { errors: [{ level: 'element', segment: 'PRF', segmentPosition: 4, element: 1, code: '7', reason: 'invalid code value', badValue: MARKUP }] },
  });
  for (let index = 0; index < 55; index += 1) {
    await seedOutboundShipNotice(pool, { partner: 'bulk', shipment: `BULK-${index}`, order: `BPO-${index}`, state: 'ACCEPTED', interchange: String(500 + index), createdAt: '2026-02-01T12:00:00Z', dueAt: '2026-02-01T13:00:00Z' });
  }
  ids.inbound = await seedInboundShipNotice(pool, {
    partner: 'acme',
    name: 'asn-4711.x12',
    interchange: '9001',
    shipment: 'ASN-IN-1',
    order: 'PO-4711',
    receivedAt: '2026-03-02T12:00:00Z',
    syncReference: 'stock.picking 42',
    diagnostics: [{ level: 'segment', severity: 'warning', codeList: 'AK304', code: '2', message: `unexpected segment ${MARKUP}`, location: { offset: 0, segment: 'ISA' } }],
  });
});

afterAll(async () => {
  await app.close();
  await pool.end();
});

describe('acknowledgments', () => {
  it('lists each document with where its acknowledgment stands, and why a rejection was', async () => {
    const sam = await signedIn('sam');
    const page = await sam.get('/acknowledgments?partner=acme');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Acknowledgments</h1>');
    expect(page.body).toContain('<a href="/acknowledgments" aria-current="page">Acknowledgments</a>');
    expect(outboundIds(page.body)).toEqual([ids.rejected, ids.accepted, ids.late, ids.pending]);
    expect(page.body).toContain('pending, due in 60 minutes');
    expect(page.body).toContain('overdue, due 2 hours ago');
    expect(page.body).toContain('>accepted<');
    expect(decoded(page.body)).toContain(`rejected: PRF01 (the segment at position 4): invalid code value "${MARKUP}" (AK403 7)`);
    expect(page.body).toContain('<label for="reference">Business reference</label>');
    const overview = decoded((await sam.get('/')).body);
    expect(overview).toContain('<a href="/acknowledgments?status=rejected"><span class="figure">1</span> documents rejected by partners</a>');
    expect(overview).toContain('<a href="/acknowledgments?status=overdue"><span class="figure">1</span> acknowledgments overdue from partners</a>');
  });

  it('filters by partner, type, status, business reference, control number and days in the user zone', async () => {
    const sam = await signedIn('sam');
    const vic = await signedIn('vic');
    const found = async (client: DashboardClient, query: string) => outboundIds((await client.get(`/acknowledgments?${query}`)).body);
    expect(await found(sam, 'reference=PO-4711')).toEqual([ids.rejected]);
    expect(await found(sam, 'reference=SHIP-3')).toEqual([ids.accepted]);
    expect(await found(sam, 'reference=PO-47')).toEqual([]);
    expect(await found(sam, 'status=rejected')).toEqual([ids.rejected]);
    expect(await found(sam, 'status=pending')).toEqual([ids.pending]);
    expect(await found(sam, 'status=overdue')).toEqual([ids.late]);
    expect(await found(sam, 'control=000000103')).toEqual([ids.accepted]);
    expect(await found(sam, 'control=103')).toEqual([ids.accepted]);
    expect(await found(sam, 'partner=acme&type=invoice')).toEqual([]);
    expect(await found(sam, 'partner=acme&type=ship-notice&status=accepted')).toEqual([ids.accepted]);
    expect(await found(sam, 'partner=acme&from=2026-03-02&to=2026-03-02')).toEqual([ids.rejected, ids.pending]);
    // 23:30 UTC on 1 March is still 1 March in Chicago, and 10:00 UTC too.
    expect(await found(vic, 'partner=acme&from=2026-03-01&to=2026-03-01')).toEqual([ids.accepted, ids.late]);
    const page = (await sam.get('/acknowledgments?status=rejected&type=ship-notice')).body;
    expect(page).toContain('<option value="rejected" selected>');
    expect(page).toContain('<option value="ship-notice" selected>');
  });

  it('pages fifty at a time, keeping the filters', async () => {
    const sam = await signedIn('sam');
    const first = await sam.get('/acknowledgments?partner=bulk');
    expect(outboundIds(first.body)).toHaveLength(50);
    const next = decoded(/<a href="([^"]*)" rel="next">/.exec(first.body)?.[1] ?? '');
    expect(next).toMatch(/^\/acknowledgments\?partner=bulk&before=\d+$/);
    const second = await sam.get(next);
    expect(outboundIds(second.body)).toHaveLength(5);
    expect(new Set([...outboundIds(first.body), ...outboundIds(second.body)]).size).toBe(55);
    expect(second.body).not.toContain('Next page');
  });

  it('exports what the filters find as CSV, with markup and formulas kept as text', async () => {
    const sam = await signedIn('sam');
    const page = (await sam.get('/acknowledgments?partner=acme&status=rejected')).body;
    expect(decoded(/<a href="([^"]*)" download>/.exec(page)?.[1] ?? '')).toBe('/acknowledgments.csv?partner=acme&status=rejected');
    const csv = await sam.get('/acknowledgments.csv?partner=acme&status=rejected');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="acknowledgments.csv"');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^document,partner,kind,message,reference,purchase orders,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${ids.rejected},acme,ship-notice,856,SHIP-4,PO-4711,000000104,104,0001,rejected,`);
    expect(lines[1]).toContain(`"rejected: PRF01 (the segment at position 4): invalid code value ""${MARKUP}"" (AK403 7)"`);
    expect([cell('=HYPERLINK("x")'), cell('-1'), cell('PO,1'), cell(null)]).toEqual(['"\'=HYPERLINK(""x"")"', "'-1", '"PO,1"', '']);
    const all = await sam.get('/acknowledgments.csv?partner=bulk');
    expect(all.body.trimEnd().split('\r\n')).toHaveLength(56);
  });

  it('answers bad filter values with a 400 page that names them', async () => {
    const sam = await signedIn('sam');
    const status = await sam.get('/acknowledgments?status=lost');
    expect(status.statusCode).toBe(400);
    expect(status.headers['content-type']).toMatch(/^text\/html/);
    expect(decoded(status.body)).toContain('querystring parameter "status" must be one of , pending, overdue, accepted, accepted-with-errors, rejected, resubmitted');
    const day = await sam.get('/acknowledgments?from=2026-02-30');
    expect(day.statusCode).toBe(400);
    expect(decoded(day.body)).toContain('The from date "2026-02-30" is not a day of the calendar (YYYY-MM-DD).');
    expect((await sam.get('/acknowledgments?control=12%2Aa')).statusCode).toBe(400);
    expect((await sam.get('/acknowledgments.csv?type=letter')).statusCode).toBe(400);
    expect((await sam.get('/documents?page=0')).statusCode).toBe(400);
    expect((await sam.get('/documents?page=201')).statusCode).toBe(400);
    expect((await sam.get('/documents?direction=sideways')).statusCode).toBe(400);
  });
});

describe('resubmitting', () => {
  it('shows a viewer no resubmit button, and refuses its request', async () => {
    const vic = await signedIn('vic');
    const list = await vic.get('/acknowledgments?reference=PO-4711');
    expect(list.body).not.toContain('Resubmit</button>');
    const page = await vic.get(`/documents/outbound/${ids.rejected}`);
    expect(page.body).not.toContain('Resubmit</button>');
    const refused = await vic.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: 'try again' });
    expect(refused.statusCode).toBe(403);
    expect(decoded(refused.body)).toContain('Your role (viewer) does not allow this');
    expect((await getOutboundDocument(pool, ids.rejected as string))?.state).toBe('REJECTED');
  });

  it('refuses a resubmission without the CSRF token or a reason, and one of a document still waiting for its acknowledgment', async () => {
    const sam = await signedIn('sam');
    await sam.get('/acknowledgments');
    const forged = await sam.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: 'try again' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(decoded(forged.body)).toContain('This form is out of date or did not come from the dashboard');
    const wrong = await sam.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: 'try again' }, { csrf: 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    const reasonless = await sam.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: '  ' });
    expect(reasonless.statusCode).toBe(400);
    expect((await getOutboundDocument(pool, ids.rejected as string))?.state).toBe('REJECTED');
    expect((await sam.get('/acknowledgments?status=pending')).body).not.toContain('Resubmit</button>');
  });

  it('lets support resubmit a rejected document, recorded under its name, and shows the new attempt in its timeline', async () => {
    const sam = await signedIn('sam');
    const list = await sam.get('/acknowledgments?reference=PO-4711');
    expect(list.body).toContain(`action="/documents/outbound/${ids.rejected}/resubmit"`);
    const sent = await sam.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: 'PO number corrected in Odoo' });
    expect(sent.statusCode).toBe(303);
    const location = String(sent.headers.location);
    const resubmission = /resubmitted=(\d+)$/.exec(location)?.[1] as string;
    ids.resubmission = resubmission;
    expect(location).toBe(`/documents/outbound/${ids.rejected}?resubmitted=${resubmission}`);
    expect((await getOutboundDocument(pool, ids.rejected as string))?.state).toBe('RESUBMITTED');
    expect((await getOutboundDocument(pool, resubmission))).toMatchObject({ state: 'STORED', origin: 'resubmission', resubmissionOf: ids.rejected, createdBy: 'sam' });
    const events = await listEvents(pool, 'document', ids.rejected as string);
    expect(events.at(-1)).toMatchObject({ type: 'document.resubmitted', actor: 'sam', details: { as: resubmission, reason: 'PO number corrected in Odoo' } });

    const page = decoded((await sam.get(location)).body);
    expect(page).toContain(`Sent again as document ${resubmission}`);
    expect(page).toContain(`document ${resubmission}</a>: `);
    expect(page).toMatch(new RegExp(`document\\.resubmitted</span> by sam <span class="quiet">\\(document ${ids.rejected}\\)`));
    expect(page).toMatch(new RegExp(`document\\.stored</span> by sam <span class="quiet">\\(document ${resubmission}\\)`));
    expect(outboundIds((await sam.get('/acknowledgments?reference=PO-4711&status=resubmitted')).body)).toContain(ids.rejected);
    const again = await sam.post(`/documents/outbound/${ids.rejected}/resubmit`, { reason: 'once more' });
    expect(again.statusCode).toBe(409);
  });
});

describe('documents', () => {
  it('finds documents both ways by business reference, partner, control number, file name and day', async () => {
    const vic = await signedIn('vic');
    const found = async (query: string) => foundDocuments((await vic.get(`/documents?${query}`)).body);
    // Newest first: the resubmission (stored today), the partner's ASN (received at noon), the rejected one (sent at 11:00).
    expect(await found('reference=PO-4711')).toEqual([`outbound/${ids.resubmission}`, `inbound/${ids.inbound}`, `outbound/${ids.rejected}`]);
    expect(await found('reference=PO-4711&direction=inbound')).toEqual([`inbound/${ids.inbound}`]);
    expect(await found('reference=PO-4711&direction=outbound')).toContain(`outbound/${ids.rejected}`);
    expect(await found('control=9001')).toEqual([`inbound/${ids.inbound}`]);
    expect(await found('control=104')).toEqual([`outbound/${ids.rejected}`]);
    expect(await found('file=ASN-47')).toEqual([`inbound/${ids.inbound}`]);
    expect(await found('file=856-10&partner=acme&direction=outbound')).toHaveLength(4);
    expect(await found('partner=acme&direction=outbound&from=2026-03-01&to=2026-03-01')).toEqual([`outbound/${ids.accepted}`, `outbound/${ids.late}`]);
    const first = await vic.get('/documents?partner=bulk&direction=outbound');
    expect(foundDocuments(first.body)).toHaveLength(50);
    const next = decoded(/<a href="([^"]*)" rel="next">/.exec(first.body)?.[1] ?? '');
    expect(next).toBe('/documents?direction=outbound&partner=bulk&page=2');
    expect(foundDocuments((await vic.get(next)).body)).toHaveLength(5);
  });

  it("shows an outbound document's EDI with the partner's error on its segment, its canonical JSON and timeline, markup as text", async () => {
    const vic = await signedIn('vic');
    const page = await vic.get(`/documents/outbound/${ids.accepted}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Ship notice 856 SHIP-3</h1>');
    expect(page.body).toContain('<code>BSN*00*SHIP-3*20260302*1500~</code>');
    expect(page.body).toContain('<span class="quiet">BSN02</span> SHIP-3');
    expect(page.body).toContain('&quot;shipmentId&quot;: &quot;SHIP-3&quot;');
    expect(page.body).toContain('document.delivered</span> by gateway-1');

    const rejected = await vic.get(`/documents/outbound/${ids.rejected}`);
    expect(rejected.body).not.toContain(MARKUP);
    expect(rejected.body).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(decoded(rejected.body)).toMatch(/<tr class="has-error"><td class="number">4<\/td><td><mark><code>PRF\*PO-4711~<\/code><\/mark><br><strong>PRF01: invalid code value \(997 code 7\)<\/strong><\/td><\/tr>/);
    expect((await vic.get('/documents/outbound/999999')).statusCode).toBe(404);
  });

  it('shows an inbound document with its diagnostics on their segment, the Odoo record it made and its file events', async () => {
    const vic = await signedIn('vic');
    const page = await vic.get(`/documents/inbound/${ids.inbound}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(MARKUP);
    const text = decoded(page.body);
    expect(text).toContain('<h1>856 ASN-IN-1 from acme</h1>');
    expect(text).toContain(`<strong>unexpected segment ${MARKUP} (AK304 2, warning)`);
    expect(text).toContain('Created in Odoo: <span class="code">stock.picking 42</span>');
    expect(text).toContain('file.received</span> by test');
    expect(text).toContain('document.synced</span> by gateway-1');
    expect(text).toContain('<summary>Interchange 000009001 (ISA)</summary>');
    expect((await vic.get('/documents/inbound/999999')).statusCode).toBe(404);
  });
});

describe('EDI laid out', () => {
  it('reads EDIFACT with its UNA and release character, nesting messages in their interchange', () => {
    const edifact = "UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+260302:1500+REF42'UNH+1+DESADV:D:96A:UN'BGM+351+SHIP?+42+9'UNT+3+1'UNZ+1+REF42'";
    const layout = layOut(edifact, [{ setControlNumber: '1', position: 2, text: 'BGM 2: too long' }]);
    expect(layout.segments.map((segment) => [segment.tag, segment.position])).toEqual([['UNA', null], ['UNB', null], ['UNH', 1], ['BGM', 2], ['UNT', 3], ['UNZ', null]]);
    expect(layout.segments[3]?.elements).toEqual([{ name: 'BGM 1', value: '351' }, { name: 'BGM 2', value: 'SHIP+42' }, { name: 'BGM 3', value: '9' }]);
    expect(layout.segments[3]?.errors).toEqual(['BGM 2: too long']);
    expect(layout.tree.label).toBe('Interchange REF42 (UNB)');
    expect(layout.unplaced).toEqual([]);
  });

  it('shows a broken interchange as far as it goes, and errors that name no segment of it apart', () => {
    const layout = layOut('ISA*00*short~\r\nST*856*0001~BSN*00', [{ offset: 9999, text: 'the interchange has no IEA' }]);
    expect(layout.segments.map((segment) => [segment.tag, segment.position])).toEqual([['ISA', null], ['ST', 1], ['BSN', 2]]);
    expect(layout.unplaced).toEqual(['the interchange has no IEA']);
    expect(layOut('', []).segments).toEqual([]);
  });
});

