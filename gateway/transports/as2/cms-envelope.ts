import { constants, createCipheriv, createDecipheriv, privateDecrypt, publicEncrypt, randomBytes, type CipherGCMTypes, type Decipher } from 'node:crypto';
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, EncryptedContentInfo, IssuerAndSerialNumber, KeyTransRecipientInfo, RecipientInfo } from 'pkijs';
import { describeError } from '../../errors/gateway-error.js';
import { cipherAllowed, cipherByOid, ciphers, digestByOid, type AlgorithmPolicy, type CipherName, type DigestName } from './algorithms.js';
import { identifies, type As2Certificate, type As2Identity } from './certificates.js';
import { failed, succeeded, type Outcome } from './failure.js';

// Encrypted CMS content: EnvelopedData (CBC ciphers) and AuthEnvelopedData (RFC 5083, GCM), with the
// content key sent under the recipient's RSA key. The RSA and cipher work is node:crypto's; pkijs and
// asn1js read and write the structures.

const OID = {
  data: '1.2.840.113549.1.7.1',
  envelopedData: '1.2.840.113549.1.7.3',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
};

/** A DER ContentInfo holding `content` encrypted for the partner's certificate with `cipher`. */
export function encryptFor(content: Buffer, recipient: As2Certificate, cipher: CipherName): Buffer {
  const { oid, node, keyBytes, mode } = ciphers[cipher];
  const key = randomBytes(keyBytes);
  const iv = randomBytes(mode === 'gcm' ? 12 : cipher === '3des' ? 8 : 16);
  const gcm = mode === 'gcm' ? createCipheriv(node as CipherGCMTypes, key, iv) : undefined;
  const encryptor = gcm ?? createCipheriv(node, key, iv);
  const encrypted = Buffer.concat([encryptor.update(content), encryptor.final()]);
  // S/MIME (RFC 8551 2.3) and every AS2 peer take PKCS #1 v1.5 key transport; RSA-OAEP is read, not sent.
  const recipientInfo = new RecipientInfo({
    variant: 1,
    value: new KeyTransRecipientInfo({
      version: 0,
      rid: new IssuerAndSerialNumber({ issuer: recipient.cms.issuer, serialNumber: recipient.cms.serialNumber }),
      keyEncryptionAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
      encryptedKey: new asn1js.OctetString({ valueHex: publicEncrypt({ key: recipient.x509.publicKey, padding: constants.RSA_PKCS1_PADDING }, key) }),
    }),
  });
  const parameters =
    mode === 'gcm'
      ? new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: iv }), new asn1js.Integer({ value: 16 })] })
      : new asn1js.OctetString({ valueHex: iv });
  const encryptedContentInfo = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.data }),
      new AlgorithmIdentifier({ algorithmId: oid, algorithmParams: parameters }).toSchema(),
      new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: encrypted }),
    ],
  });
  const fields = [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: [recipientInfo.toSchema()] }), encryptedContentInfo];
  if (gcm) fields.push(new asn1js.OctetString({ valueHex: gcm.getAuthTag() }));
  const contentType = gcm ? OID.authEnvelopedData : OID.envelopedData;
  return Buffer.from(
    new asn1js.Sequence({
      value: [new asn1js.ObjectIdentifier({ value: contentType }), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Sequence({ value: fields })] })],
    }).toBER(false),
  );
}

/** The pieces of an (Auth)EnvelopedData that decryption needs. */
interface Envelope {
  readonly recipients: readonly RecipientInfo[];
  readonly content: EncryptedContentInfo;
  /** AuthEnvelopedData: the DER of the authenticated attributes (as a SET) and the GCM tag. */
  readonly authAttributes?: Buffer;
  readonly mac?: Buffer;
}

/** The content of a DER/BER ContentInfo holding EnvelopedData or AuthEnvelopedData, decrypted with our key. */
export function decryptWith(der: Buffer, identity: As2Identity, policy: AlgorithmPolicy): Outcome<Buffer> {
  const envelope = readEnvelope(der);
  if (!envelope.ok) return envelope;
  const { recipients, content, authAttributes, mac } = envelope.value;
  const ours = recipients
    .map((recipient) => recipient.value)
    .find((value): value is KeyTransRecipientInfo => value instanceof KeyTransRecipientInfo && identifies(value.rid, identity));
  if (!ours) {
    return failed(
      'AS2_DECRYPTION_FAILED',
      'decryption-failed',
      `The message is not encrypted for our certificate (${identity.x509.subject.replaceAll('\n', ', ')}, serial ${identity.x509.serialNumber}).`,
    );
  }
  const cipher = cipherByOid(content.contentEncryptionAlgorithm.algorithmId);
  if (!cipher || !cipherAllowed(cipher, policy)) {
    return failed(
      'AS2_ALGORITHM_REFUSED',
      'insufficient-message-security',
      `The message is encrypted with ${cipher ?? content.contentEncryptionAlgorithm.algorithmId}, which the partner's profile does not allow (encryption: ${policy.encryption}).`,
    );
  }
  const { node, keyBytes, mode } = ciphers[cipher];
  if ((mode === 'gcm') !== (mac !== undefined)) {
    return failed('AS2_DECRYPTION_FAILED', 'decryption-failed', `The message uses ${cipher} in a ${mac === undefined ? 'EnvelopedData' : 'AuthEnvelopedData'}, which does not go together.`);
  }
  const key = unwrapKey(ours, identity, keyBytes);
  if (!key.ok) return key;
  try {
    const parameters = content.contentEncryptionAlgorithm.algorithmParams as asn1js.BaseBlock;
    const nonce = mode === 'gcm' ? ((parameters as asn1js.Sequence).valueBlock.value[0] as asn1js.OctetString) : (parameters as asn1js.OctetString);
    const iv = Buffer.from(nonce.valueBlock.valueHexView);
    let decipher: Decipher;
    if (mode === 'gcm' && mac) {
      const gcm = createDecipheriv(node as CipherGCMTypes, key.value, iv, { authTagLength: mac.length });
      gcm.setAuthTag(mac);
      if (authAttributes) gcm.setAAD(authAttributes);
      decipher = gcm;
    } else {
      decipher = createDecipheriv(node, key.value, iv);
    }
    return succeeded(Buffer.concat([decipher.update(Buffer.from(content.getEncryptedContent())), decipher.final()]));
  } catch (error) {
    return failed('AS2_DECRYPTION_FAILED', 'decryption-failed', `The content cannot be decrypted with the key sent for our certificate (${describeError(error)}).`);
  }
}

function readEnvelope(der: Buffer): Outcome<Envelope> {
  try {
    const asn1 = asn1js.fromBER(new Uint8Array(der));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    const [type, wrapped] = (asn1.result as asn1js.Sequence).valueBlock.value;
    const contentType = (type as asn1js.ObjectIdentifier).getValue();
    if (contentType !== OID.envelopedData && contentType !== OID.authEnvelopedData) {
      return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The encrypted part holds CMS content of type ${contentType}, not EnvelopedData.`);
    }
    const fields = ((wrapped as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    const recipientSet = fields.find((field) => field instanceof asn1js.Set) as asn1js.Set;
    const after = fields.slice(fields.indexOf(recipientSet) + 1);
    const content = new EncryptedContentInfo({ schema: after[0] });
    const recipients = recipientSet.valueBlock.value.map((schema) => new RecipientInfo({ schema }));
    if (contentType === OID.envelopedData) return succeeded({ recipients, content });
    const authAttrs = after.find((field) => field.idBlock.tagClass === 3 && field.idBlock.tagNumber === 1);
    const mac = after.at(-1) as asn1js.OctetString;
    const authAttributes = authAttrs ? Buffer.from(authAttrs.toBER(false)) : undefined;
    // The MAC covers the attributes as a SET (RFC 5083 2.2), not as their [1] IMPLICIT field.
    if (authAttributes) authAttributes[0] = 0x31;
    return succeeded({ recipients, content, mac: Buffer.from(mac.valueBlock.valueHexView), ...(authAttributes ? { authAttributes } : {}) });
  } catch (error) {
    return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The encrypted part is not a CMS EnvelopedData: ${describeError(error)}.`);
  }
}

/**
 * The content key. For PKCS #1 v1.5 a malformed block yields a random key instead of an error (RFC 3218
 * 2.3.2), so that a bad padding and a bad content fail alike and the answer tells nobody which it was;
 * node:crypto no longer removes that padding itself (CVE-2023-46809), so the check is here.
 */
function unwrapKey(recipient: KeyTransRecipientInfo, identity: As2Identity, keyBytes: number): Outcome<Buffer> {
  const encrypted = Buffer.from(recipient.encryptedKey.valueBlock.valueHexView);
  const algorithm = recipient.keyEncryptionAlgorithm.algorithmId;
  try {
    if (algorithm === OID.rsaesOaep) {
      return succeeded(privateDecrypt({ key: identity.key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(recipient.keyEncryptionAlgorithm) }, encrypted));
    }
    if (algorithm !== OID.rsaEncryption) {
      return failed('AS2_ALGORITHM_REFUSED', 'decryption-failed', `The content key is sent with ${algorithm}; the gateway takes RSA (PKCS #1 v1.5 or OAEP).`);
    }
    const block = privateDecrypt({ key: identity.key, padding: constants.RSA_NO_PADDING }, encrypted);
    return succeeded(pkcs1v15Key(block, keyBytes) ?? randomBytes(keyBytes));
  } catch (error) {
    return failed('AS2_DECRYPTION_FAILED', 'decryption-failed', `The content key cannot be decrypted with our private key (${describeError(error)}).`);
  }
}

/** 00 02, at least eight non-zero padding bytes, 00, the key; undefined when the block is not that. */
function pkcs1v15Key(block: Buffer, keyBytes: number): Buffer | undefined {
  const separator = block.indexOf(0, 2);
  const valid = block[0] === 0 && block[1] === 2 && separator >= 10 && block.length - separator - 1 === keyBytes;
  return valid ? block.subarray(separator + 1) : undefined;
}

/** RSAES-OAEP-params [0] hashAlgorithm; SHA-1 when left out (RFC 8017 A.2.1). */
function oaepHash(algorithm: AlgorithmIdentifier): DigestName {
  const params = algorithm.algorithmParams as asn1js.Sequence | undefined;
  const hash = params?.valueBlock?.value?.find((field) => field.idBlock.tagClass === 3 && field.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  const oid = (hash?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.ObjectIdentifier | undefined;
  return (oid && digestByOid(oid.getValue())) ?? 'sha1';
}
