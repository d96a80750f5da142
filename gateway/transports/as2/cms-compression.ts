import { inflateSync } from 'node:zlib';
import * as asn1js from 'asn1js';
import { describeError } from '../../errors/gateway-error.js';
import { failed, succeeded, type Outcome } from './failure.js';

// CMS CompressedData (RFC 3274), which AS2 uses to compress a message before or after signing it (RFC 5402).

const COMPRESSED_DATA = '1.2.840.113549.1.9.16.1.9';
const ZLIB = '1.2.840.113549.1.9.16.3.8';

/** The content of a ContentInfo holding CompressedData; never more than `maxBytes`, so a small bomb cannot fill memory. */
export function decompress(der: Buffer, maxBytes: number): Outcome<Buffer> {
  let compressed: Buffer;
  try {
    const asn1 = asn1js.fromBER(new Uint8Array(der));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    const [type, wrapped] = (asn1.result as asn1js.Sequence).valueBlock.value;
    const contentType = (type as asn1js.ObjectIdentifier).getValue();
    if (contentType !== COMPRESSED_DATA) {
      return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The compressed part holds CMS content of type ${contentType}, not CompressedData.`);
    }
    const [, algorithm, encapsulated] = ((wrapped as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
    const algorithmId = ((algorithm as asn1js.Sequence).valueBlock.value[0] as asn1js.ObjectIdentifier).getValue();
    if (algorithmId !== ZLIB) {
      return failed('AS2_DECOMPRESSION_FAILED', 'decompression-failed', `The message is compressed with ${algorithmId}; AS2 uses zlib (${ZLIB}).`);
    }
    const explicit = (encapsulated as asn1js.Sequence).valueBlock.value[1] as asn1js.Constructed;
    compressed = Buffer.from((explicit.valueBlock.value[0] as asn1js.OctetString).getValue());
  } catch (error) {
    return failed('AS2_MESSAGE_UNREADABLE', 'unexpected-processing-error', `The compressed part is not a CMS CompressedData: ${describeError(error)}.`);
  }
  try {
    return succeeded(inflateSync(compressed, { maxOutputLength: maxBytes }));
  } catch (error) {
    return failed('AS2_DECOMPRESSION_FAILED', 'decompression-failed', `The compressed content cannot be inflated within ${maxBytes} bytes: ${describeError(error)}.`);
  }
}
