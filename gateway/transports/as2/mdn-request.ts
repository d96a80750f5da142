import { GatewayError } from '../../errors/gateway-error.js';
import { digestAllowed, digestByMicalg, type AlgorithmPolicy, type DigestName } from './algorithms.js';

// What receipt the partner asks for (RFC 4130 7.3): none, in the answer (sync) or later to a URL (async);
// signed or not; and with which digest the MIC is computed and the MDN signed.

export interface MdnRequest {
  readonly mode: 'none' | 'sync' | 'async';
  /** async: where the MDN is POSTed. */
  readonly url: string | undefined;
  readonly signed: boolean;
  readonly digest: DigestName;
  /** Set when the partner requires a MIC algorithm we do not use for it: the MDN then reports that failure. */
  readonly unsupported: string | undefined;
}

interface Option {
  readonly importance: string;
  readonly values: readonly string[];
}

/** `signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256, sha1` */
function parseOptions(header: string | undefined): Map<string, Option> {
  const options = new Map<string, Option>();
  for (const item of (header ?? '').split(';')) {
    const equals = item.indexOf('=');
    if (equals === -1) continue;
    const [importance = '', ...values] = item.slice(equals + 1).split(',').map((value) => value.trim().toLowerCase());
    options.set(item.slice(0, equals).trim().toLowerCase(), { importance, values });
  }
  return options;
}

/**
 * The receipt the headers ask for. An async receipt goes only to the host of the partner's own AS2 URL:
 * anyone can write a Receipt-Delivery-Option, and the gateway must not be made to POST into networks it
 * can reach and the sender cannot.
 */
export function mdnRequest(headers: Readonly<Record<string, string | undefined>>, policy: AlgorithmPolicy, partnerUrl: string): MdnRequest {
  const options = parseOptions(headers['disposition-notification-options']);
  const protocol = options.get('signed-receipt-protocol');
  const micalg = options.get('signed-receipt-micalg');
  const wanted = micalg?.values.map(digestByMicalg).find((digest): digest is DigestName => digest !== undefined && digestAllowed(digest, policy));
  const unsupported = !wanted && micalg?.importance === 'required' ? 'unsupported MIC-algorithms' : undefined;
  const signed = protocol?.values.includes('pkcs7-signature') ?? false;
  const receiptUrl = headers['receipt-delivery-option']?.trim();
  const mode = headers['disposition-notification-to'] === undefined ? 'none' : receiptUrl ? 'async' : 'sync';
  if (mode === 'async') checkReceiptUrl(receiptUrl as string, partnerUrl);
  return { mode, url: mode === 'async' ? receiptUrl : undefined, signed, digest: wanted ?? policy.signing, unsupported };
}

function checkReceiptUrl(url: string, partnerUrl: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GatewayError('REQUEST_INVALID', `The Receipt-Delivery-Option "${url}" is not a URL.`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.hostname !== new URL(partnerUrl).hostname) {
    throw new GatewayError(
      'REQUEST_INVALID',
      `The Receipt-Delivery-Option "${url}" is not an http(s) URL on the host of the partner's AS2 URL (${new URL(partnerUrl).hostname}); asynchronous MDNs go only there.`,
    );
  }
}
