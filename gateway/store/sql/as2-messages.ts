import type { PartnerProfile } from '../../../partners/schema/profile.js';
import type { ErrorCode } from '../../errors/catalogue.js';
import type { Queryable } from '../pool.js';

// AS2 messages in and out (migration 0008), and the partner an AS2-From/AS2-To pair belongs to.

/** HTTP headers in the order they are sent. */
export type HeaderList = readonly (readonly [string, string])[];

export type As2Profile = NonNullable<NonNullable<PartnerProfile['transports']>['as2']>;

/** The partner whose current profile sends as `from` to us as `to`. */
export async function partnerByAs2Ids(db: Queryable, ids: { readonly from: string; readonly to: string }): Promise<{ partner: string; as2: As2Profile } | undefined> {
  const result = await db.query<{ partner: string; as2: As2Profile }>(
    `SELECT p.partner, v.profile->'transports'->'as2' AS as2
       FROM partner_profiles p
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
      WHERE v.profile->'transports'->'as2'->>'partnerAs2Id' = $1
        AND v.profile->'transports'->'as2'->>'ourAs2Id' = $2
      ORDER BY p.partner
      LIMIT 1`,
    [ids.from, ids.to],
  );
  return result.rows[0];
}

export type MdnMode = 'none' | 'sync' | 'async';
export type MdnDeliveryState = 'QUEUED' | 'DELIVERED' | 'FAILED';

export interface NewInboundMessage {
  readonly partner: string;
  readonly messageId: string;
  readonly fileId: string;
  readonly signed: boolean;
  readonly encrypted: boolean;
  readonly compressed: boolean;
  readonly mic: string | undefined;
  readonly mdnMode: MdnMode;
  readonly mdnUrl: string | undefined;
  readonly mdn: { readonly headers: HeaderList; readonly body: Buffer } | undefined;
}

export interface InboundMessage {
  readonly id: string;
  readonly partner: string;
  readonly messageId: string;
  readonly fileId: string;
  readonly mdnMode: MdnMode;
  readonly mdnUrl: string | null;
  readonly mdnHeaders: HeaderList | null;
  readonly mdnBody: Buffer | null;
  readonly mdnState: MdnDeliveryState | null;
  readonly mdnAttempts: number;
}

const inboundColumns = `id::text, partner, message_id AS "messageId", file_id::text AS "fileId", mdn_mode AS "mdnMode", mdn_url AS "mdnUrl",
  mdn_headers AS "mdnHeaders", mdn_body AS "mdnBody", mdn_state AS "mdnState", mdn_attempts AS "mdnAttempts"`;

/** Records a received message with its MDN; undefined when this Message-ID of the partner's is already recorded. */
export async function insertInboundMessage(db: Queryable, message: NewInboundMessage): Promise<InboundMessage | undefined> {
  const result = await db.query(
    `INSERT INTO as2_inbound_messages
       (partner, message_id, file_id, signed, encrypted, compressed, mic, mdn_mode, mdn_url, mdn_headers, mdn_body, mdn_state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (partner, message_id) DO NOTHING
     RETURNING ${inboundColumns}`,
    [
      message.partner,
      message.messageId,
      message.fileId,
      message.signed,
      message.encrypted,
      message.compressed,
      message.mic ?? null,
      message.mdnMode,
      message.mdnUrl ?? null,
      message.mdn ? JSON.stringify(message.mdn.headers) : null,
      message.mdn?.body ?? null,
      message.mdnMode === 'async' ? 'QUEUED' : null,
    ],
  );
  return result.rows[0] as InboundMessage | undefined;
}

export async function findInboundMessage(db: Queryable, partner: string, messageId: string): Promise<InboundMessage | undefined> {
  const result = await db.query(`SELECT ${inboundColumns} FROM as2_inbound_messages WHERE partner = $1 AND message_id = $2`, [partner, messageId]);
  return result.rows[0] as InboundMessage | undefined;
}

/** Counts one more delivery attempt of an async MDN and sets where it stands. */
export async function recordMdnAttempt(db: Queryable, id: string, state: MdnDeliveryState): Promise<number> {
  const result = await db.query<{ attempts: number }>(
    'UPDATE as2_inbound_messages SET mdn_state = $2, mdn_attempts = mdn_attempts + 1 WHERE id = $1 RETURNING mdn_attempts AS attempts',
    [id, state],
  );
  return result.rows[0]?.attempts ?? 0;
}

export type OutboundState = 'PREPARED' | 'SENT' | 'ACKNOWLEDGED' | 'REJECTED' | 'FAILED';

export interface NewOutboundMessage {
  readonly partner: string;
  readonly messageId: string;
  readonly fileName: string;
  readonly mic: string;
  readonly mdnMode: 'sync' | 'async';
  readonly requestHeaders: HeaderList;
  readonly requestBody: Buffer;
}

export interface OutboundMessage extends NewOutboundMessage {
  readonly id: string;
  readonly state: OutboundState;
  readonly attempts: number;
  readonly failureCode: ErrorCode | null;
  readonly lastError: string | null;
  readonly mdnDisposition: string | null;
}

const outboundColumns = `id::text, partner, message_id AS "messageId", file_name AS "fileName", mic, mdn_mode AS "mdnMode",
  request_headers AS "requestHeaders", request_body AS "requestBody", state, attempts, failure_code AS "failureCode", last_error AS "lastError", mdn_disposition AS "mdnDisposition"`;

export async function insertOutboundMessage(db: Queryable, message: NewOutboundMessage): Promise<OutboundMessage> {
  const result = await db.query(
    `INSERT INTO as2_outbound_messages (partner, message_id, file_name, mic, mdn_mode, request_headers, request_body, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'PREPARED')
     RETURNING ${outboundColumns}`,
    [message.partner, message.messageId, message.fileName, message.mic, message.mdnMode, JSON.stringify(message.requestHeaders), message.requestBody],
  );
  return result.rows[0] as OutboundMessage;
}

/** The message, locked for the rest of the transaction when `lock` is set. */
export async function getOutboundMessage(db: Queryable, messageId: string, options: { readonly lock: boolean }): Promise<OutboundMessage | undefined> {
  const result = await db.query(`SELECT ${outboundColumns} FROM as2_outbound_messages WHERE message_id = $1${options.lock ? ' FOR UPDATE' : ''}`, [messageId]);
  return result.rows[0] as OutboundMessage | undefined;
}

export interface OutboundChange {
  readonly state: OutboundState;
  readonly attempted?: boolean;
  readonly failureCode?: ErrorCode | null;
  readonly lastError?: string | null;
  readonly mdn?: { readonly disposition: string; readonly body: Buffer };
}

export async function setOutboundState(db: Queryable, id: string, change: OutboundChange): Promise<OutboundMessage> {
  const result = await db.query(
    `UPDATE as2_outbound_messages
        SET state = $2, state_changed_at = now(), attempts = attempts + $3, failure_code = $4, last_error = $5,
            mdn_disposition = COALESCE($6, mdn_disposition), mdn_body = COALESCE($7, mdn_body)
      WHERE id = $1
      RETURNING ${outboundColumns}`,
    [id, change.state, change.attempted ? 1 : 0, change.failureCode ?? null, change.lastError ?? null, change.mdn?.disposition ?? null, change.mdn?.body ?? null],
  );
  return result.rows[0] as OutboundMessage;
}
