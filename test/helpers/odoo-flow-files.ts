import { parseProfile } from '../../partners/parse-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { createEdifactReader, type Message } from '../../translators/edifact/envelope-reader.js';
import { readX12 } from '../../translators/x12/read-x12.js';

// The partners of the inbound Odoo flows and the files they send over SFTP, in X12 004010 and EDIFACT D96A:
// a retailer's order (ACME Retail in the simulator's demo data), a supplier's ship notice and invoice for
// one of our purchase orders (Widget Supply Co), and a carrier's shipment status for one of our deliveries.
// Items are our Internal References: the vendor's number on an order we receive, the buyer's on what
// suppliers send us. Every file is marked test (ISA15 T, UNB 0035 1), as the partners are. Shared by the
// end-to-end and fault tests and the Odoo bench, which drive a real `edi-gateway` process.
// The outbound flows have partners of their own, a customer and a vendor that only receive, tied to Odoo
// contacts the inbound flows never touch: our purchase orders and deliveries made for the inbound flows
// are then sent to nobody.

export type Standard = 'X12' | 'EDIFACT';
export type Role = 'retailer' | 'supplier' | 'carrier' | 'customer' | 'vendor';

/** The Odoo contact (its Reference) each role's documents land on or come from; the carrier's, customer's and vendor's are made by the test. */
export const ODOO_REF: Readonly<Record<Role, string>> = { retailer: 'ACME', supplier: 'WIDGETSUP', carrier: 'FASTFREIGHT', customer: 'GLOBEX', vendor: 'INITECH' };

const MESSAGES: Readonly<Record<Role, { readonly direction: 'in' | 'out'; readonly messages: readonly { document: string; X12: string; EDIFACT: string }[] }>> = {
  retailer: { direction: 'in', messages: [{ document: 'order', X12: '850', EDIFACT: 'ORDERS' }] },
  supplier: {
    direction: 'in',
    messages: [
      { document: 'shipNotice', X12: '856', EDIFACT: 'DESADV' },
      { document: 'invoice', X12: '810', EDIFACT: 'INVOIC' },
    ],
  },
  carrier: { direction: 'in', messages: [{ document: 'shipmentStatus', X12: '214', EDIFACT: 'IFTSTA' }] },
  customer: {
    direction: 'out',
    messages: [
      { document: 'shipNotice', X12: '856', EDIFACT: 'DESADV' },
      { document: 'shipmentStatus', X12: '214', EDIFACT: 'IFTSTA' },
      { document: 'invoice', X12: '810', EDIFACT: 'INVOIC' },
    ],
  },
  vendor: { direction: 'out', messages: [{ document: 'order', X12: '850', EDIFACT: 'ORDERS' }] },
};

/** The partner's id in the gateway, its SFTP login and (upper-cased) its ISA or UNB id. */
export function partnerId(role: Role, standard: Standard): string {
  return `${role}-${standard === 'X12' ? 'x12' : 'edi'}`;
}

/** Interchange id of the partner. */
export function senderId(role: Role, standard: Standard): string {
  return partnerId(role, standard).replace('-', '').toUpperCase();
}

/** Our own ids, as test/fixtures/partners/defaults.yaml has them. */
const OURS = { isaQualifier: '01', isaId: '123456789', gsId: 'THREEPL', unbId: '4012345000009', unbQualifier: '14' };

/** The partner's profile, in test usage, logging in to the SFTP server with `publicKey`. */
export function flowPartner(options: { role: Role; standard: Standard; publicKey: string; confirmOrders?: boolean }): PartnerProfile {
  const { role, standard } = options;
  const id = partnerId(role, standard);
  const sender = senderId(role, standard);
  const x12 = standard === 'X12';
  const parsed = parseProfile({
    id,
    name: `${role} on ${standard}`,
    usage: 'test',
    standard,
    version: x12 ? '004010' : 'D96A',
    identities: {
      partner: x12 ? { x12: { isaQualifier: 'ZZ', isaId: sender, gsId: sender } } : { edifact: { unbId: sender, unbQualifier: 'ZZZ' } },
      ours: x12 ? { x12: { isaQualifier: OURS.isaQualifier, isaId: OURS.isaId, gsId: OURS.gsId } } : { edifact: { unbId: OURS.unbId, unbQualifier: OURS.unbQualifier } },
    },
    documents: MESSAGES[role].messages.map((message) => ({ document: message.document, message: message[standard], direction: MESSAGES[role].direction })),
    acknowledgments: { send: x12 ? { functionalAck: '997' } : { contrl: 'always' }, expect: { withinHours: 24, whenOverdue: 'alert' } },
    odoo: { partnerRef: ODOO_REF[role], productMatch: 'default_code', ...(options.confirmOrders ? { confirmOrders: true } : {}) },
    transports: { sftpMailbox: { users: [{ username: id, publicKeys: [options.publicKey] }] } },
  });
  if (!parsed.ok) throw new Error(`the ${id} profile is refused: ${JSON.stringify(parsed.problems)}`);
  return parsed.profile;
}

export interface OrderLine {
  readonly item: string;
  readonly quantity: number;
  readonly price: string;
}

export interface FlowOrder {
  readonly number: string;
  /** CCYYMMDD */
  readonly requested: string;
  readonly shipTo: { readonly name: string; readonly site: string; readonly street: string; readonly city: string; readonly region: string; readonly postalCode: string };
  readonly lines: readonly OrderLine[];
}

export interface FlowShipNotice {
  readonly shipmentId: string;
  /** Our purchase order's name (P00001). */
  readonly orderNumber: string;
  readonly lines: readonly { readonly item: string; readonly quantity: number; readonly lot?: string }[];
}

export interface FlowShipmentStatus {
  /** The delivery's name (WH/OUT/00001). */
  readonly shipmentId: string;
  readonly proNumber: string;
  /** CCYYMMDD and HHMM of the delivery. */
  readonly date: string;
  readonly time: string;
  readonly city: string;
}

export interface FlowInvoice {
  readonly number: string;
  readonly orderNumber: string;
  readonly lines: readonly OrderLine[];
}

/** One X12 interchange of one group of one set, from `sender`, numbered `control` (ISA13, GS06; ST02 0001). */
function x12(sender: string, control: number, functionalId: string, set: string, body: readonly string[]): string {
  const isa13 = String(control).padStart(9, '0');
  const segments = [`ST*${set}*0001`, ...body];
  return [
    `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*${OURS.isaQualifier}*${OURS.isaId.padEnd(15)}*250303*1000*U*00401*${isa13}*0*T*>`,
    `GS*${functionalId}*${sender}*${OURS.gsId}*20250303*1000*${control}*X*004010`,
    ...segments,
    `SE*${segments.length + 1}*0001`,
    `GE*1*${control}`,
    `IEA*1*${isa13}`,
  ]
    .map((segment) => `${segment}~\n`)
    .join('');
}

/** One EDIFACT interchange of one message, from `sender`, numbered `control` (UNB 0020; UNH 0062 1), marked test. */
function edifact(sender: string, control: number, message: string, body: readonly string[]): string {
  const reference = `R${control}`;
  const segments = [`UNH+1+${message}:D:96A:UN`, ...body];
  return [
    `UNA:+.? '`,
    `UNB+UNOC:3+${sender}:ZZZ+${OURS.unbId}:${OURS.unbQualifier}+250303:1000+${reference}++++++1'`,
    ...segments.map((segment) => `${segment}'`),
    `UNT+${segments.length + 1}+1'`,
    `UNZ+1+${reference}'`,
  ].join('\n') + '\n';
}

export function orderFile(standard: Standard, control: number, order: FlowOrder): string {
  const sender = senderId('retailer', standard);
  const { shipTo } = order;
  if (standard === 'X12') {
    return x12(sender, control, 'PO', '850', [
      `BEG*00*SA*${order.number}**20250303`,
      `DTM*002*${order.requested}`,
      `N1*ST*${shipTo.name}*92*${shipTo.site}`,
      `N3*${shipTo.street}`,
      `N4*${shipTo.city}*${shipTo.region}*${shipTo.postalCode}*US`,
      ...order.lines.map((line, index) => `PO1*${index + 1}*${line.quantity}*EA*${line.price}**VP*${line.item}`),
      `CTT*${order.lines.length}`,
    ]);
  }
  return edifact(sender, control, 'ORDERS', [
    `BGM+220+${order.number}+9`,
    'DTM+137:20250303:102',
    `DTM+2:${order.requested}:102`,
    `NAD+DP+${shipTo.site}::92++${shipTo.name}+${shipTo.street}+${shipTo.city}+${shipTo.region}+${shipTo.postalCode}+US`,
    'CUX+2:USD:9',
    ...order.lines.flatMap((line, index) => [`LIN+${index + 1}`, `PIA+5+${line.item}:SA`, `QTY+21:${line.quantity}:EA`, `PRI+AAA:${line.price}`]),
    'UNS+S',
    `CNT+2:${order.lines.length}`,
  ]);
}

export function shipNoticeFile(standard: Standard, control: number, notice: FlowShipNotice): string {
  const sender = senderId('supplier', standard);
  if (standard === 'X12') {
    return x12(sender, control, 'SH', '856', [
      `BSN*00*${notice.shipmentId}*20250304*1415`,
      'HL*1**S',
      'DTM*011*20250304',
      'HL*2*1*O',
      `PRF*${notice.orderNumber}`,
      ...notice.lines.flatMap((line, index) => [`HL*${index + 3}*2*I`, `LIN**BP*${line.item}${line.lot ? `*LT*${line.lot}` : ''}`, `SN1**${line.quantity}*EA`]),
      `CTT*${notice.lines.length + 2}`,
    ]);
  }
  return edifact(sender, control, 'DESADV', [
    `BGM+351+${notice.shipmentId}+9`,
    'DTM+137:20250304:102',
    'DTM+11:20250304:102',
    `RFF+ON:${notice.orderNumber}`,
    'CPS+1',
    ...notice.lines.flatMap((line, index) => [`LIN+${index + 1}`, `PIA+5+${line.item}:IN${line.lot ? `+${line.lot}:NB` : ''}`, `QTY+12:${line.quantity}:EA`]),
    `CNT+2:${notice.lines.length}`,
  ]);
}

export function shipmentStatusFile(standard: Standard, control: number, status: FlowShipmentStatus): string {
  const sender = senderId('carrier', standard);
  if (standard === 'X12') {
    return x12(sender, control, 'QM', '214', [
      `B10*${status.proNumber}*${status.shipmentId}*FFRT`,
      'LX*1',
      `AT7*D1*NS***${status.date}*${status.time}`,
      `MS1*${status.city}*OH*US`,
    ]);
  }
  return edifact(sender, control, 'IFTSTA', [
    `BGM+23+ST-${status.proNumber}+9`,
    'DTM+137:202503041000:203',
    `RFF+CN:${status.proNumber}`,
    `CNI+1+${status.shipmentId}`,
    'STS+1+21',
    `DTM+334:${status.date}${status.time}:203`,
    `LOC+14+:::${status.city}`,
  ]);
}

export function invoiceFile(standard: Standard, control: number, invoice: FlowInvoice): string {
  const sender = senderId('supplier', standard);
  const total = invoice.lines.reduce((sum, line) => sum + line.quantity * Number(line.price), 0).toFixed(2);
  if (standard === 'X12') {
    return x12(sender, control, 'IN', '810', [
      `BIG*20250307*${invoice.number}**${invoice.orderNumber}`,
      ...invoice.lines.map((line, index) => `IT1*${index + 1}*${line.quantity}*EA*${line.price}**BP*${line.item}`),
      `TDS*${Math.round(Number(total) * 100)}`,
      `CTT*${invoice.lines.length}`,
    ]);
  }
  return edifact(sender, control, 'INVOIC', [
    `BGM+380+${invoice.number}+9`,
    'DTM+137:20250307:102',
    `RFF+ON:${invoice.orderNumber}`,
    'CUX+2:USD:4',
    ...invoice.lines.flatMap((line, index) => [`LIN+${index + 1}`, `PIA+5+${line.item}:IN`, `QTY+47:${line.quantity}:EA`, `MOA+203:${(line.quantity * Number(line.price)).toFixed(2)}`, `PRI+AAA:${line.price}`]),
    'UNS+S',
    `CNT+2:${invoice.lines.length}`,
    `MOA+77:${total}`,
  ]);
}

/** A file we sent, read with the gateway's own readers: its one message, and the segments of that message. */
export interface SentFile {
  /** ST01 or UNH S009 0065: 856, DESADV. */
  readonly message: string;
  /** ISA13 or UNB 0020. */
  readonly interchange: string;
  /** ISA15 or UNB 0035: T or P, 1 or ''. */
  readonly usage: string;
  /** ST through SE, UNH through UNT; each the tag then its elements, an EDIFACT element's components joined by ':' without release characters. */
  readonly segments: readonly (readonly string[])[];
}

/** Reads a file of one interchange of one message; fails naming what the reader found wrong. */
export function readSentFile(standard: Standard, content: string): SentFile {
  const bytes = Buffer.from(content, 'latin1');
  if (standard === 'X12') {
    const { interchanges, diagnostics } = readX12([bytes]);
    const [interchange] = interchanges;
    const set = interchange?.groups[0]?.sets[0];
    if (!interchange || !set || diagnostics.length > 0) throw new Error(`not one readable X12 set: ${JSON.stringify(diagnostics)}`);
    return { message: set.id, interchange: interchange.header.controlNumber, usage: interchange.header.usage, segments: set.segments.map((segment) => [...segment.elements]) };
  }
  const messages: Message[] = [];
  const problems: unknown[] = [];
  let interchange = '';
  let usage = '';
  const reader = createEdifactReader({
    interchange: (header) => {
      interchange = header.reference;
      usage = header.unb.value(11);
    },
    message: (message) => void messages.push(message),
    diagnostic: (diagnostic) => void problems.push(diagnostic),
  });
  reader.write(bytes);
  reader.end();
  const [message] = messages;
  if (!message || problems.length > 0) throw new Error(`not one readable EDIFACT message: ${JSON.stringify(problems)}`);
  return { message: message.type, interchange, usage, segments: message.segments.map((segment) => [segment.tag, ...segment.elements.slice(1).map((value) => (value[0] ?? []).join(':'))]) };
}
