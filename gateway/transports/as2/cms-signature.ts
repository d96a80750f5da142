import { createHash, sign, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import { digestAllowed, digestByOid, digests, type AlgorithmPolicy, type DigestName } from './algorithms.js';
import { identifies, type As2Certificate, type As2Identity } from './certificates.js';
import { failed, succeeded, type Outcome } from './failure.js';

// Detached CMS signatures (RFC 5652 SignedData without content), as multipart/signed carries them. pkijs
// reads and writes the structures; node:crypto does the signing and checking, so that what is accepted is
// decided here, against the partner's certificate from its profile and never one the message brings along.

const ID_DATA = '1.2.840.113549.1.7.1';
const ATTRIBUTE = { contentType: '1.2.840.113549.1.9.3', messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5' };
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const ECDSA_WITH: Readonly<Record<DigestName, string>> = {
  sha1: '1.2.840.10045.4.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

/** A DER ContentInfo holding a SignedData over `content` (not included), signed with our key. */
export function signDetached(content: Buffer, identity: As2Identity, digest: DigestName, now: Date): Buffer {
  const signatureAlgorithm = signatureAlgorithmFor(identity, digest);
  const attributes = [
    new Attribute({ type: ATTRIBUTE.contentType, values: [new asn1js.ObjectIdentifier({ value: ID_DATA })] }),
    new Attribute({ type: ATTRIBUTE.signingTime, values: [new asn1js.UTCTime({ valueDate: now })] }),
    new Attribute({ type: ATTRIBUTE.messageDigest, values: [new asn1js.OctetString({ valueHex: createHash(digest).update(content).digest() })] }),
  ];
  // DER orders a SET OF by encoding; a verifier re-encodes the attributes in that order before checking.
  const sorted = attributes
    .map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
  const signedAttributes = Buffer.from(new asn1js.Set({ value: sorted.map((attribute) => attribute.toSchema()) }).toBER(false));
  const signature = sign(digest, signedAttributes, identity.key);
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: identity.cms.issuer, serialNumber: identity.cms.serialNumber }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithmId: digests[digest].oid }),
    signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [new AlgorithmIdentifier({ algorithmId: digests[digest].oid })],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: ID_DATA }),
    certificates: [identity.cms],
    signerInfos: [signerInfo],
  });
  return Buffer.from(new ContentInfo({ contentType: ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER(false));
}

function signatureAlgorithmFor(identity: As2Identity, digest: DigestName): AlgorithmIdentifier {
  switch (identity.key.asymmetricKeyType) {
    case 'rsa':
      return new AlgorithmIdentifier({ algorithmId: RSA_ENCRYPTION, algorithmParams: new asn1js.Null() });
    case 'ec':
      return new AlgorithmIdentifier({ algorithmId: ECDSA_WITH[digest] });
    default:
      throw new GatewayError('AS2_SECRET_UNUSABLE', `Our AS2 private key is a ${identity.key.asymmetricKeyType ?? 'unknown'} key; AS2 signs with RSA or EC keys.`);
  }
}

/**
 * Checks a detached signature over `content` against the partner's certificate. The message digest
 * attribute tells a changed content (integrity-check-failed) from a signature by another key
 * (authentication-failed).
 */
export function verifyDetached(options: {
  readonly content: Buffer;
  readonly signature: Buffer;
  readonly signer: As2Certificate;
  readonly policy: AlgorithmPolicy;
}): Outcome<{ readonly digest: DigestName }> {
  let signerInfos: SignerInfo[];
  try {
    const info = new ContentInfo({ schema: asn1js.fromBER(new Uint8Array(options.signature)).result });
    if (info.contentType !== ContentInfo.SIGNED_DATA) {
      return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The signature part holds CMS content of type ${info.contentType}, not SignedData.`);
    }
    signerInfos = new SignedData({ schema: info.content }).signerInfos;
  } catch (error) {
    return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The signature part is not a CMS SignedData: ${describeError(error)}.`);
  }
  const signerInfo = signerInfos.find((candidate) => identifies(candidate.sid, options.signer));
  if (!signerInfo) {
    return failed(
      'AS2_SIGNATURE_UNTRUSTED',
      'authentication-failed',
      `The message is not signed with the partner's certificate (${options.signer.x509.subject.replaceAll('\n', ', ')}, serial ${options.signer.x509.serialNumber}).`,
    );
  }
  const digest = digestByOid(signerInfo.digestAlgorithm.algorithmId);
  if (!digest || !digestAllowed(digest, options.policy)) {
    return failed(
      'AS2_ALGORITHM_REFUSED',
      'insufficient-message-security',
      `The signature uses the digest ${digest ?? signerInfo.digestAlgorithm.algorithmId}, which the partner's profile does not allow (signing: ${options.policy.signing}).`,
    );
  }
  if (signerInfo.signatureAlgorithm.algorithmId === RSASSA_PSS) {
    return failed('AS2_ALGORITHM_REFUSED', 'insufficient-message-security', 'The signature uses RSASSA-PSS, which the gateway does not check; sign with PKCS #1 v1.5 or ECDSA.');
  }
  const contentDigest = createHash(digest).update(options.content).digest();
  const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  const attributes = signerInfo.signedAttrs;
  let signedBytes = options.content;
  if (attributes) {
    const declared = attributes.attributes.find((attribute) => attribute.type === ATTRIBUTE.messageDigest)?.values[0];
    if (!(declared instanceof asn1js.OctetString) || !Buffer.from(declared.valueBlock.valueHexView).equals(contentDigest)) {
      return failed('AS2_INTEGRITY_CHECK_FAILED', 'integrity-check-failed', `The signed content does not match its signature: its ${digests[digest].micalg} digest differs from the one signed.`);
    }
    signedBytes = Buffer.from(attributes.encodedValue);
  }
  let valid: boolean;
  try {
    valid = verify(digest, signedBytes, options.signer.x509.publicKey, signatureValue);
  } catch (error) {
    return failed('AS2_SIGNATURE_UNTRUSTED', 'authentication-failed', `The signature cannot be checked with the partner's certificate: ${describeError(error)}.`);
  }
  if (valid) return succeeded({ digest });
  return attributes
    ? failed('AS2_SIGNATURE_UNTRUSTED', 'authentication-failed', "The signature was not made with the private key of the partner's certificate.")
    : failed('AS2_INTEGRITY_CHECK_FAILED', 'integrity-check-failed', 'The signed content does not match its signature.');
}
