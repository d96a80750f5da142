import { createHash, randomUUID } from 'node:crypto';
import { digests, type DigestName } from './algorithms.js';
import { failed, succeeded, type DispositionError, type Outcome } from './failure.js';
import { contentType, formatEntity, formatMultipart, parseEntity, quoted, splitMultipart, type MimeEntity } from './mime-entity.js';

// The Message Disposition Notification (RFC 3798 as RFC 4130 7.4 shapes it): a multipart/report whose
// second part says what became of a message and carries the MIC of what arrived.

export type Disposition =
  | { readonly kind: 'processed' }
  | { readonly kind: 'error'; readonly error: DispositionError }
  | { readonly kind: 'failure'; readonly description: string };

export interface Mic {
  /** Base64 of the digest. */
  readonly value: string;
  /** As micalg names it: sha-256, sha1 ... */
  readonly micalg: string;
}

export function computeMic(bytes: Buffer, digest: DigestName): Mic {
  return { value: createHash(digest).update(bytes).digest('base64'), micalg: digests[digest].micalg };
}

/** RFC 4130 7.4.3: `processed`, `processed/Error: decryption-failed`, `failed/Failure: ...`. */
function dispositionText(disposition: Disposition): string {
  const mode = 'automatic-action/MDN-sent-automatically';
  switch (disposition.kind) {
    case 'processed':
      return `${mode}; processed`;
    case 'error':
      return `${mode}; processed/Error: ${disposition.error}`;
    case 'failure':
      return `${mode}; failed/Failure: ${disposition.description}`;
  }
}

/** The MDN as one entity (its Content-Type header, then the multipart/report body), ready to sign or send. */
export function mdnReport(options: {
  readonly ourAs2Id: string;
  readonly originalMessageId: string;
  readonly disposition: Disposition;
  readonly mic: Mic | undefined;
  /** For the person reading it: what happened, in words. */
  readonly explanation: string;
}): Buffer {
  const boundary = `----=_mdn_${randomUUID()}`;
  const text = formatEntity(
    [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Transfer-Encoding', '8bit'],
    ],
    Buffer.from(`${options.explanation}\r\n`, 'utf8'),
  );
  const fields = [
    'Reporting-UA: edi-gateway',
    `Original-Recipient: rfc822; ${options.ourAs2Id}`,
    `Final-Recipient: rfc822; ${options.ourAs2Id}`,
    `Original-Message-ID: ${options.originalMessageId}`,
    `Disposition: ${dispositionText(options.disposition)}`,
    ...(options.mic ? [`Received-Content-MIC: ${options.mic.value}, ${options.mic.micalg}`] : []),
  ];
  const notification = formatEntity(
    [
      ['Content-Type', 'message/disposition-notification'],
      ['Content-Transfer-Encoding', '7bit'],
    ],
    Buffer.from(`${fields.join('\r\n')}\r\n`, 'utf8'),
  );
  return formatEntity(
    [['Content-Type', `multipart/report; report-type=disposition-notification; boundary=${quoted(boundary)}`]],
    formatMultipart([text, notification], boundary),
  );
}

export interface MdnReceipt {
  readonly originalMessageId: string | undefined;
  /** The Disposition field as the partner wrote it. */
  readonly disposition: string;
  /** processed, with no error or failure (a warning still counts as processed). */
  readonly processed: boolean;
  readonly mic: Mic | undefined;
}

/** Reads a multipart/report MDN: which message it is about, its disposition and its MIC. */
export function readMdnReport(entity: MimeEntity): Outcome<MdnReceipt> {
  const type = contentType(entity);
  const boundary = type.params.get('boundary');
  const parts = type.value === 'multipart/report' && boundary !== undefined ? splitMultipart(entity.body, boundary) : undefined;
  const notification = parts?.map(parseEntity).find((part) => contentType(part).value === 'message/disposition-notification');
  if (!notification) {
    return failed('AS2_MDN_INVALID', 'unexpected-processing-error', `The MDN is ${type.value || 'untyped'}, not a multipart/report with a message/disposition-notification part.`);
  }
  const fields = parseEntity(Buffer.concat([notification.body, Buffer.from('\r\n\r\n')])).headers;
  const disposition = fields.get('disposition');
  if (disposition === undefined) return failed('AS2_MDN_INVALID', 'unexpected-processing-error', 'The MDN has no Disposition field.');
  const [value, micalg] = (fields.get('received-content-mic') ?? '').split(',').map((item) => item.trim());
  return succeeded({
    originalMessageId: fields.get('original-message-id'),
    disposition,
    processed: /;\s*processed\s*(\/\s*warning\b.*)?$/i.test(disposition),
    mic: value && micalg ? { value, micalg: micalg.toLowerCase() } : undefined,
  });
}
