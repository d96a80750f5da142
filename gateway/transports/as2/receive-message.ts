import { randomUUID } from 'node:crypto';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Intake } from '../../ingest/accept-file.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import {
  findInboundMessage,
  insertInboundMessage,
  partnerByAs2Ids,
  type As2Profile,
  type HeaderList,
  type InboundMessage,
} from '../../store/sql/as2-messages.js';
import { appendEvent } from '../../store/sql/events.js';
import type { AlgorithmPolicy } from './algorithms.js';
import { loadCertificate, loadIdentity, type As2Identity } from './certificates.js';
import type { AsyncMdn } from './deliver-mdn.js';
import type { As2Failure } from './failure.js';
import { computeMic, mdnReport, type Disposition, type Mic } from './mdn.js';
import { mdnRequest, type MdnRequest } from './mdn-request.js';
import { contentType, formatEntity, parseEntity } from './mime-entity.js';
import { receivePartnerMdn } from './receive-partner-mdn.js';
import { signEntity } from './signed-entity.js';
import { unwrapMessage, type UnwrappedMessage } from './unwrap-message.js';

// One AS2 request from a partner, whatever the transport around it: the partner found by its AS2 ids, the
// message opened with its keys, the payload stored through the intake, and only then the MDN made, kept
// with the message and answered. A Message-ID seen before gets the MDN kept for it and nothing else.

export interface ReceiveDeps {
  readonly pool: Pool;
  readonly secrets: SecretStore;
  readonly intake: Intake;
  readonly actor: string;
  readonly maxMessageBytes: number;
  readonly now: () => Date;
}

export interface As2Request {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface As2Answer {
  readonly headers: HeaderList;
  readonly body: Buffer;
  /** An MDN to POST once the answer is out (asynchronous receipt). */
  readonly asyncMdn: AsyncMdn | undefined;
}

const EMPTY: Omit<As2Answer, 'asyncMdn'> = { headers: [], body: Buffer.alloc(0) };

export async function receiveAs2Message(deps: ReceiveDeps, request: As2Request): Promise<As2Answer> {
  const from = as2Id(request.headers['as2-from']);
  const to = as2Id(request.headers['as2-to']);
  const messageId = (request.headers['message-id'] ?? '').trim();
  const found = await partnerByAs2Ids(deps.pool, { from, to });
  if (!found) throw new GatewayError('AS2_PARTNER_UNKNOWN', `No partner's AS2 profile has AS2-From "${from}" and AS2-To "${to}".`);
  const { partner, as2 } = found;
  const policy: AlgorithmPolicy = { signing: as2.signing, encryption: as2.encryption };

  const seen = await findInboundMessage(deps.pool, partner, messageId);
  if (seen) {
    await appendEvent(deps.pool, { entity: 'as2-message', entityId: messageId, type: 'as2.message.repeated', actor: deps.actor, details: { partner, fileId: seen.fileId } });
    return storedAnswer(seen);
  }

  const receipt = mdnRequest(request.headers, policy, as2.url);
  const ours = await loadIdentity(deps.pool, deps.secrets, as2.ourCertificateRef);
  const partnerCertificate = await loadCertificate(deps.pool, deps.secrets, as2.partnerCertificateRef);
  const context: Context = { deps, partner, as2, messageId, receipt, ours };
  if (receipt.unsupported) {
    return refuse(context, { code: 'AS2_ALGORITHM_REFUSED', error: 'unexpected-processing-error', detail: `None of the MIC algorithms the partner requires is one we use for it (signing: ${policy.signing}).` }, { kind: 'failure', description: receipt.unsupported });
  }
  const entity = formatEntity(
    [
      ['Content-Type', request.headers['content-type'] ?? ''],
      ...(request.headers['content-transfer-encoding'] ? [['Content-Transfer-Encoding', request.headers['content-transfer-encoding']] as const] : []),
    ],
    request.body,
  );
  const unwrapped = unwrapMessage(entity, { ours, partner: partnerCertificate, policy }, deps.maxMessageBytes);
  if (!unwrapped.ok) return refuse(context, unwrapped.failure, { kind: 'error', error: unwrapped.failure.error });
  if (!unwrapped.value.signed && !as2.acceptUnsigned) {
    const failure = { code: 'AS2_SIGNATURE_REQUIRED', error: 'insufficient-message-security', detail: `${partner} must sign its messages; its profile does not take unsigned ones (transports.as2.acceptUnsigned).` } as const;
    return refuse(context, failure, { kind: 'error', error: failure.error });
  }
  if (contentType(unwrapped.value.payload).value === 'multipart/report') {
    await receivePartnerMdn({ pool: deps.pool, actor: deps.actor }, { partner, as2, mdn: unwrapped.value, raw: entity });
    return { ...EMPTY, asyncMdn: undefined };
  }
  return accept(context, unwrapped.value);
}

interface Context {
  readonly deps: ReceiveDeps;
  readonly partner: string;
  readonly as2: As2Profile;
  readonly messageId: string;
  readonly receipt: MdnRequest;
  readonly ours: As2Identity;
}

/** Stores the payload, then records the message with its MDN; a concurrent copy of the same message gets the MDN recorded first. */
async function accept(context: Context, message: UnwrappedMessage): Promise<As2Answer> {
  const { deps, partner, messageId, receipt } = context;
  const accepted = await deps.intake({
    partner,
    source: 'as2',
    originalName: message.fileName ?? `${messageId.replace(/[^\w.@-]/g, '')}.edi`,
    intakeKey: `as2:${partner}:${messageId}`,
    content: message.content,
  });
  const mic = computeMic(message.micBytes, receipt.digest);
  const mdn = receipt.mode === 'none' ? undefined : makeMdn(context, { kind: 'processed' }, mic, `The AS2 message ${messageId} was received and stored.`);
  const recorded = await withTransaction(deps.pool, async (tx) => {
    const row = await insertInboundMessage(tx, {
      partner,
      messageId,
      fileId: accepted.fileId,
      signed: message.signed,
      encrypted: message.encrypted,
      compressed: message.compressed,
      mic: `${mic.value}, ${mic.micalg}`,
      mdnMode: receipt.mode,
      mdnUrl: receipt.url,
      mdn,
    });
    if (!row) return undefined;
    await appendEvent(tx, {
      entity: 'as2-message',
      entityId: messageId,
      type: 'as2.message.received',
      actor: deps.actor,
      details: { partner, fileId: accepted.fileId, signed: message.signed, encrypted: message.encrypted, compressed: message.compressed, mic: mic.value, micalg: mic.micalg, mdn: receipt.mode },
    });
    return row;
  });
  return storedAnswer(recorded ?? ((await findInboundMessage(deps.pool, partner, messageId)) as InboundMessage));
}

/** Nothing is stored: the refusal is an event, and the partner gets an MDN saying why (or a problem, when it asked for none). */
async function refuse(context: Context, failure: As2Failure, disposition: Disposition): Promise<As2Answer> {
  const { deps, partner, messageId, receipt } = context;
  await appendEvent(deps.pool, {
    entity: 'as2-message',
    entityId: messageId,
    type: 'as2.message.refused',
    actor: deps.actor,
    details: { partner, code: failure.code, error: failure.error, reason: failure.detail },
  });
  if (receipt.mode === 'none') throw new GatewayError(failure.code, failure.detail);
  const mdn = makeMdn(context, disposition, undefined, `The AS2 message ${messageId} was not taken: ${failure.detail}`);
  if (receipt.mode === 'sync') return { ...mdn, asyncMdn: undefined };
  return { ...EMPTY, asyncMdn: { inboundId: undefined, partner, messageId, url: receipt.url as string, ...mdn } };
}

/** The MDN's HTTP headers and body: a multipart/report, in multipart/signed when the partner asked for a signed one. */
function makeMdn(context: Context, disposition: Disposition, mic: Mic | undefined, explanation: string): { headers: HeaderList; body: Buffer } {
  const { deps, as2, messageId, receipt, ours } = context;
  const report = mdnReport({ ourAs2Id: as2.ourAs2Id, originalMessageId: messageId, disposition, mic, explanation });
  const now = deps.now();
  const signed = receipt.signed ? signEntity(report, ours, receipt.digest, now) : undefined;
  const unsigned = parseEntity(report);
  return {
    headers: [
      ['AS2-Version', '1.2'],
      ['AS2-From', as2.ourAs2Id],
      ['AS2-To', as2.partnerAs2Id],
      ['Message-ID', `<${randomUUID()}@${as2.ourAs2Id.replace(/[^\w.-]/g, '')}>`],
      ['Date', now.toUTCString()],
      ['Subject', `MDN for ${messageId}`],
      ['MIME-Version', '1.0'],
      ['Content-Type', signed?.contentType ?? (unsigned.headers.get('content-type') as string)],
    ],
    body: signed?.body ?? unsigned.body,
  };
}

/** The answer a recorded message gets: its MDN in the answer (sync), posted again (async), or nothing. */
function storedAnswer(message: InboundMessage): As2Answer {
  const mdn = { headers: message.mdnHeaders ?? [], body: message.mdnBody ?? Buffer.alloc(0) };
  if (message.mdnMode === 'sync') return { ...mdn, asyncMdn: undefined };
  if (message.mdnMode === 'none') return { ...EMPTY, asyncMdn: undefined };
  return { ...EMPTY, asyncMdn: { inboundId: message.id, partner: message.partner, messageId: message.messageId, url: message.mdnUrl as string, ...mdn } };
}

/** AS2 ids may come quoted (RFC 4130 6.2). */
function as2Id(header: string | undefined): string {
  const id = (header ?? '').trim();
  return id.startsWith('"') && id.endsWith('"') ? id.slice(1, -1).replace(/\\(.)/g, '$1') : id;
}
