import * as asn1js from 'asn1js';
import type { AlgorithmPolicy } from './algorithms.js';
import type { As2Certificate, As2Identity } from './certificates.js';
import { decompress } from './cms-compression.js';
import { decryptWith } from './cms-envelope.js';
import { failed, succeeded, type Outcome } from './failure.js';
import { contentType, decodedBody, parseEntity, parseHeaderValue, type MimeEntity } from './mime-entity.js';
import { verifySignedEntity } from './signed-entity.js';

// An arrived AS2 message, layer by layer: decrypted with our key, its signature checked against the
// partner's certificate, decompressed, in whatever order the partner put them on, down to the payload.

export interface UnwrappedMessage {
  /** The innermost entity: the payload with its own headers. */
  readonly payload: MimeEntity;
  /** The payload's bytes, transfer encoding undone. */
  readonly content: Buffer;
  readonly fileName: string | undefined;
  readonly signed: boolean;
  readonly encrypted: boolean;
  readonly compressed: boolean;
  /** What the MIC is computed over (RFC 4130 7.3.1). */
  readonly micBytes: Buffer;
}

export interface UnwrapKeys {
  readonly ours: As2Identity;
  readonly partner: As2Certificate;
  readonly policy: AlgorithmPolicy;
}

const CMS = { envelopedData: '1.2.840.113549.1.7.3', authEnvelopedData: '1.2.840.113549.1.9.16.1.23', compressedData: '1.2.840.113549.1.9.16.1.9' };
/** Encrypted, signed and compressed once each, at most: anything deeper is not an AS2 message. */
const MAX_LAYERS = 3;

/** `entity` is the message as one MIME entity: the request's Content-Type (and transfer encoding) over its body. */
export function unwrapMessage(entity: Buffer, keys: UnwrapKeys, maxBytes: number): Outcome<UnwrappedMessage> {
  let current = parseEntity(entity);
  let signedBytes: Buffer | undefined;
  let decrypted: Buffer | undefined;
  let compressed = false;
  for (let layer = 0; ; layer += 1) {
    const type = contentType(current);
    const cms = type.value === 'multipart/signed' ? 'signed' : isPkcs7Mime(type.value) ? 'cms' : undefined;
    if (cms === undefined) break;
    if (layer === MAX_LAYERS) return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The message has more than ${MAX_LAYERS} layers of S/MIME.`);
    if (cms === 'signed') {
      const verified = verifySignedEntity(current, keys.partner, keys.policy);
      if (!verified.ok) return verified;
      signedBytes ??= verified.value.signedBytes;
      current = parseEntity(verified.value.signedBytes);
      continue;
    }
    const der = decodedBody(current);
    if (!der) return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The ${type.value} part has a transfer encoding the gateway does not read.`);
    const kind = cmsContentType(der);
    if (kind === CMS.envelopedData || kind === CMS.authEnvelopedData) {
      const opened = decryptWith(der, keys.ours, keys.policy);
      if (!opened.ok) return opened;
      decrypted ??= opened.value;
      current = parseEntity(opened.value);
    } else if (kind === CMS.compressedData) {
      const inflated = decompress(der, maxBytes);
      if (!inflated.ok) return inflated;
      compressed = true;
      current = parseEntity(inflated.value);
    } else {
      return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The ${type.value} part holds CMS content ${kind ?? 'that cannot be read'}, neither encrypted nor compressed.`);
    }
  }
  const content = decodedBody(current);
  if (!content) return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', 'The payload has a transfer encoding the gateway does not read.');
  return succeeded({
    payload: current,
    content,
    fileName: fileNameOf(current),
    signed: signedBytes !== undefined,
    encrypted: decrypted !== undefined,
    compressed,
    micBytes: signedBytes ?? decrypted ?? content,
  });
}

function isPkcs7Mime(type: string): boolean {
  return type === 'application/pkcs7-mime' || type === 'application/x-pkcs7-mime';
}

/** The content type of a CMS ContentInfo, whatever smime-type the header claims. */
function cmsContentType(der: Buffer): string | undefined {
  const asn1 = asn1js.fromBER(new Uint8Array(der));
  const first = asn1.offset === -1 ? undefined : (asn1.result as asn1js.Sequence).valueBlock?.value?.[0];
  return first instanceof asn1js.ObjectIdentifier ? first.getValue() : undefined;
}

/** The payload's file name as the partner gave it, without any folder. */
function fileNameOf(entity: MimeEntity): string | undefined {
  const disposition = parseHeaderValue(entity.headers.get('content-disposition')).params.get('filename');
  const name = (disposition ?? contentType(entity).params.get('name'))?.split(/[\\/]/).at(-1)?.trim();
  return name ? name.slice(0, 255) : undefined;
}
