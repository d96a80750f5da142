import { randomUUID } from 'node:crypto';
import { digests, type AlgorithmPolicy, type DigestName } from './algorithms.js';
import type { As2Certificate, As2Identity } from './certificates.js';
import { signDetached, verifyDetached } from './cms-signature.js';
import { failed, succeeded, type Outcome } from './failure.js';
import { base64Lines, contentType, decodedBody, formatEntity, formatMultipart, parseEntity, quoted, splitMultipart, type MimeEntity } from './mime-entity.js';

// multipart/signed (RFC 1847, S/MIME): the signed entity as its first part, the detached CMS signature as
// its second.

export interface SignedBody {
  /** The Content-Type header of the multipart/signed entity. */
  readonly contentType: string;
  readonly body: Buffer;
}

/** Wraps an entity (its exact bytes, headers included) in multipart/signed. */
export function signEntity(entity: Buffer, identity: As2Identity, digest: DigestName, now: Date): SignedBody {
  const boundary = `----=_as2_${randomUUID()}`;
  const signature = formatEntity(
    [
      ['Content-Type', 'application/pkcs7-signature; name=smime.p7s; smime-type=signed-data'],
      ['Content-Transfer-Encoding', 'base64'],
      ['Content-Disposition', 'attachment; filename=smime.p7s'],
    ],
    base64Lines(signDetached(entity, identity, digest, now)),
  );
  return {
    contentType: `multipart/signed; protocol="application/pkcs7-signature"; micalg=${digests[digest].micalg}; boundary=${quoted(boundary)}`,
    body: formatMultipart([entity, signature], boundary),
  };
}

export interface VerifiedEntity {
  /** The signed entity's exact bytes: what the MIC is computed over. */
  readonly signedBytes: Buffer;
  readonly digest: DigestName;
}

/** Checks a multipart/signed entity against the partner's certificate; the signed part comes back as it arrived. */
export function verifySignedEntity(entity: MimeEntity, signer: As2Certificate, policy: AlgorithmPolicy): Outcome<VerifiedEntity> {
  const boundary = contentType(entity).params.get('boundary');
  const parts = boundary === undefined ? undefined : splitParts(entity.body, boundary);
  if (!parts) return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', 'The multipart/signed body does not have its two parts between boundaries.');
  const [signedBytes, signaturePart] = parts;
  const signatureEntity = parseEntity(signaturePart);
  const signatureType = contentType(signatureEntity).value;
  const signature = decodedBody(signatureEntity);
  if (!['application/pkcs7-signature', 'application/x-pkcs7-signature'].includes(signatureType) || !signature) {
    return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The second part of multipart/signed is ${signatureType || 'untyped'}, not a readable application/pkcs7-signature.`);
  }
  const verified = verifyDetached({ content: signedBytes, signature, signer, policy });
  return verified.ok ? succeeded({ signedBytes, digest: verified.value.digest }) : verified;
}

function splitParts(body: Buffer, boundary: string): [Buffer, Buffer] | undefined {
  const parts = splitMultipart(body, boundary);
  return parts?.length === 2 ? [parts[0] as Buffer, parts[1] as Buffer] : undefined;
}
