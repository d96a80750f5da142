import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ErrorCode } from '../../errors/catalogue.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { withTransaction, type Pool } from '../../store/pool.js';
import { getOutboundMessage, insertOutboundMessage, setOutboundState, type As2Profile, type HeaderList, type OutboundMessage } from '../../store/sql/as2-messages.js';
import { appendEvent } from '../../store/sql/events.js';
import { getProfileVersion } from '../../store/sql/partner-profiles.js';
import { ciphers, digests, type AlgorithmPolicy } from './algorithms.js';
import { loadCertificate, loadIdentity } from './certificates.js';
import { encryptFor } from './cms-envelope.js';
import { post, type PostAnswer } from './http-post.js';
import { computeMic } from './mdn.js';
import { formatEntity, quoted } from './mime-entity.js';
import { judgeMdn, settleOutbound, type Settlement } from './settle-outbound.js';
import { signEntity } from './signed-entity.js';
import { unwrapMessage } from './unwrap-message.js';

// A file to a partner over AS2: signed with our key, encrypted to the partner's certificate, stored, then
// POSTed until an MDN settles it. Every attempt sends the stored bytes under the same Message-ID, so the
// partner can tell a retry from a new message.

export interface SendDeps {
  readonly pool: Pool;
  readonly secrets: SecretStore;
  readonly actor: string;
  readonly log: Logger;
  /** config.as2: attempts, the wait between them, the request timeout, and our URL for asynchronous MDNs. */
  readonly settings: { readonly publicUrl: string | undefined; readonly attempts: number; readonly retryMs: number; readonly timeoutMs: number; readonly maxMessageBytes: number };
  readonly now: () => Date;
}

export interface OutboundFile {
  readonly partner: string;
  readonly fileName: string;
  readonly content: Buffer;
}

export interface SendOutcome {
  readonly messageId: string;
  readonly state: OutboundMessage['state'];
  /** Why it was not acknowledged. */
  readonly code: ErrorCode | undefined;
  readonly detail: string;
}

const MEDIA_TYPE = { X12: 'application/edi-x12', EDIFACT: 'application/edifact' } as const;
/** How often a message waiting for its asynchronous MDN looks whether it came (the MDN may reach another instance). */
const MDN_POLL_MS = 250;

export async function sendAs2Message(deps: SendDeps, file: OutboundFile): Promise<SendOutcome> {
  const version = await getProfileVersion(deps.pool, file.partner);
  const as2 = version?.profile.transports?.as2;
  if (!version || !as2) throw new GatewayError('AS2_NOT_CONFIGURED', `The partner "${file.partner}" has no AS2 transport in its profile.`);
  if (as2.mdn === 'async' && !deps.settings.publicUrl) {
    throw new GatewayError('AS2_NOT_CONFIGURED', `The partner "${file.partner}" sends its MDNs asynchronously, but EDI_AS2_PUBLIC_URL (where they would come) is unset.`);
  }
  const message = await prepare(deps, file, as2, MEDIA_TYPE[version.profile.standard]);
  return deliver(deps, message, as2);
}

/** Signs, encrypts and stores the request, with its event, before anything is sent. */
async function prepare(deps: SendDeps, file: OutboundFile, as2: As2Profile, mediaType: string): Promise<OutboundMessage> {
  const policy: AlgorithmPolicy = { signing: as2.signing, encryption: as2.encryption };
  const ours = await loadIdentity(deps.pool, deps.secrets, as2.ourCertificateRef);
  const theirs = await loadCertificate(deps.pool, deps.secrets, as2.partnerCertificateRef);
  const now = deps.now();
  const payload = formatEntity(
    [
      ['Content-Type', mediaType],
      ['Content-Transfer-Encoding', 'binary'],
      ['Content-Disposition', `attachment; filename=${quoted(file.fileName)}`],
    ],
    file.content,
  );
  const signed = signEntity(payload, ours, policy.signing, now);
  const encrypted = encryptFor(formatEntity([['Content-Type', signed.contentType]], signed.body), theirs, policy.encryption);
  const mic = computeMic(payload, policy.signing);
  const messageId = `<${randomUUID()}@${as2.ourAs2Id.replace(/[^\w.-]/g, '')}>`;
  const async = as2.mdn === 'async';
  const headers: HeaderList = [
    ['AS2-Version', '1.2'],
    ['AS2-From', as2.ourAs2Id],
    ['AS2-To', as2.partnerAs2Id],
    ['Message-ID', messageId],
    ['Date', now.toUTCString()],
    ['Subject', file.fileName],
    ['MIME-Version', '1.0'],
    ['Content-Type', `application/pkcs7-mime; smime-type=${ciphers[policy.encryption].mode === 'gcm' ? 'authEnveloped-data' : 'enveloped-data'}; name=smime.p7m`],
    ['Content-Transfer-Encoding', 'binary'],
    ['Content-Disposition', 'attachment; filename=smime.p7m'],
    ['Disposition-Notification-To', deps.settings.publicUrl ?? as2.ourAs2Id],
    ...(as2.signedMdn
      ? [['Disposition-Notification-Options', `signed-receipt-protocol=required, pkcs7-signature; signed-receipt-micalg=required, ${digests[policy.signing].micalg}`] as const]
      : []),
    ...(async ? [['Receipt-Delivery-Option', deps.settings.publicUrl as string] as const] : []),
  ];
  return withTransaction(deps.pool, async (tx) => {
    const row = await insertOutboundMessage(tx, {
      partner: file.partner,
      messageId,
      fileName: file.fileName,
      mic: `${mic.value}, ${mic.micalg}`,
      mdnMode: async ? 'async' : 'sync',
      requestHeaders: headers,
      requestBody: encrypted,
    });
    await appendEvent(tx, {
      entity: 'as2-message',
      entityId: messageId,
      type: 'as2.message.prepared',
      actor: deps.actor,
      details: { partner: file.partner, fileName: file.fileName, size: file.content.length, signing: policy.signing, encryption: policy.encryption, mdn: as2.mdn },
    });
    return row;
  });
}

/** POSTs the stored request until an MDN settles it or the attempts run out. */
async function deliver(deps: SendDeps, message: OutboundMessage, as2: As2Profile): Promise<SendOutcome> {
  const { attempts, retryMs, timeoutMs } = deps.settings;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const answer = await post(as2.url, { headers: message.requestHeaders, body: message.requestBody, timeoutMs });
    const settlement = answer instanceof Error ? undefined : await syncSettlement(deps, message, as2, answer);
    const sent = !(answer instanceof Error) && answer.status >= 200 && answer.status < 300;
    if (settlement) {
      await recordAttempt(deps, message, { attempt, state: 'SENT', problem: undefined });
      return outcome(deps, await settleOutbound(deps.pool, deps.actor, message.messageId, settlement));
    }
    const problem = answer instanceof Error ? answer.message : !sent ? `HTTP ${answer.status}` : message.mdnMode === 'sync' ? 'the answer holds no MDN' : undefined;
    await recordAttempt(deps, message, { attempt, state: sent ? 'SENT' : 'PREPARED', problem });
    if (sent && message.mdnMode === 'async') {
      const settled = await waitForMdn(deps.pool, message.messageId, retryMs);
      if (settled) return outcome(deps, settled);
    } else if (attempt < attempts) {
      await sleep(retryMs);
    }
  }
  const failure: Settlement = { state: 'FAILED', code: 'AS2_SEND_FAILED', detail: `No MDN came for ${message.messageId} after ${attempts} attempts.`, mdn: undefined };
  return outcome(deps, await settleOutbound(deps.pool, deps.actor, message.messageId, failure));
}

/** The settlement a synchronous answer carries; undefined when it carries no MDN. */
async function syncSettlement(deps: SendDeps, message: OutboundMessage, as2: As2Profile, answer: PostAnswer): Promise<Settlement | undefined> {
  if (message.mdnMode !== 'sync' || answer.status < 200 || answer.status >= 300 || answer.body.length === 0) return undefined;
  const received = formatEntity([['Content-Type', answer.headers.get('content-type') ?? '']], answer.body);
  const keys = {
    ours: await loadIdentity(deps.pool, deps.secrets, as2.ourCertificateRef),
    partner: await loadCertificate(deps.pool, deps.secrets, as2.partnerCertificateRef),
    policy: { signing: as2.signing, encryption: as2.encryption },
  };
  const mdn = unwrapMessage(received, keys, deps.settings.maxMessageBytes);
  if (!mdn.ok) return { state: 'FAILED', code: 'AS2_MDN_INVALID', detail: `The MDN cannot be trusted: ${mdn.failure.detail}`, mdn: undefined };
  return judgeMdn(mdn.value, received, message, as2.signedMdn);
}

async function recordAttempt(deps: SendDeps, message: OutboundMessage, result: { attempt: number; state: 'PREPARED' | 'SENT'; problem: string | undefined }): Promise<void> {
  await withTransaction(deps.pool, async (tx) => {
    await setOutboundState(tx, message.id, { state: result.state, attempted: true, lastError: result.problem ?? null });
    await appendEvent(tx, {
      entity: 'as2-message',
      entityId: message.messageId,
      type: result.problem === undefined ? 'as2.message.sent' : 'as2.message.attempt-failed',
      actor: deps.actor,
      details: { partner: message.partner, attempt: result.attempt, ...(result.problem === undefined ? {} : { reason: result.problem }) },
    });
  });
  if (result.problem !== undefined) deps.log.warn({ partner: message.partner, messageId: message.messageId, attempt: result.attempt, reason: result.problem }, 'AS2 message got no MDN');
}

async function waitForMdn(pool: Pool, messageId: string, withinMs: number): Promise<OutboundMessage | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const message = await getOutboundMessage(pool, messageId, { lock: false });
    if (message && !['PREPARED', 'SENT'].includes(message.state)) return message;
    if (Date.now() >= deadline) return undefined;
    await sleep(Math.min(MDN_POLL_MS, Math.max(1, deadline - Date.now())));
  }
}

function outcome(deps: SendDeps, settled: OutboundMessage | undefined): SendOutcome {
  if (!settled) throw new GatewayError('INTERNAL', 'An AS2 message being sent disappeared from as2_outbound_messages.');
  const { messageId, state, failureCode, lastError, mdnDisposition } = settled;
  const detail = lastError ?? mdnDisposition ?? state;
  if (state !== 'ACKNOWLEDGED') deps.log.warn({ messageId, state, code: failureCode, detail }, 'AS2 message not acknowledged');
  return { messageId, state, code: failureCode ?? undefined, detail };
}
