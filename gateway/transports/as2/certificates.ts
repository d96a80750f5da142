import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, IssuerAndSerialNumber } from 'pkijs';
import { GatewayError, describeError } from '../../errors/gateway-error.js';
import type { SecretKind, SecretStore } from '../../secrets/secret-store.js';
import type { Queryable } from '../../store/pool.js';

// Certificates and keys as AS2 uses them, read from the secret store. A partner's certificate is kept as a
// PEM certificate; ours (the profile's ourCertificateRef) as one PEM holding our certificate and its private
// key, so the one name the profile gives finds both.

/** A certificate, as node:crypto checks signatures with it and as CMS names it (issuer and serial number). */
export interface As2Certificate {
  readonly x509: X509Certificate;
  readonly cms: Certificate;
}

/** Our side: the certificate partners encrypt to and check our signatures with, and its private key. */
export interface As2Identity extends As2Certificate {
  readonly key: KeyObject;
}

/**
 * Whether a CMS signer or recipient identifier names this certificate: by issuer and serial number, or by
 * subject key identifier.
 */
export function identifies(id: IssuerAndSerialNumber | asn1js.OctetString, certificate: As2Certificate): boolean {
  if (id instanceof IssuerAndSerialNumber) return id.issuer.isEqual(certificate.cms.issuer) && id.serialNumber.isEqual(certificate.cms.serialNumber);
  const keyId = certificate.cms.extensions?.find((extension) => extension.extnID === SUBJECT_KEY_IDENTIFIER)?.parsedValue as asn1js.OctetString | undefined;
  return keyId !== undefined && id instanceof asn1js.OctetString && keyId.isEqual(id);
}

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY_PEM = /-----BEGIN (?:RSA |EC |)PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |)PRIVATE KEY-----/;

/** The first certificate of a PEM text; AS2_SECRET_UNUSABLE naming the secret when there is none. */
function parseCertificate(pem: string, name: string): As2Certificate {
  const block = CERTIFICATE_PEM.exec(pem)?.[0];
  if (!block) throw new GatewayError('AS2_SECRET_UNUSABLE', `The secret "${name}" holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  try {
    const x509 = new X509Certificate(block);
    const asn1 = asn1js.fromBER(new Uint8Array(x509.raw));
    return { x509, cms: new Certificate({ schema: asn1.result }) };
  } catch (error) {
    throw new GatewayError('AS2_SECRET_UNUSABLE', `The certificate in the secret "${name}" cannot be read: ${describeError(error)}.`, { cause: error });
  }
}

function parseIdentity(pem: string, name: string): As2Identity {
  const certificate = parseCertificate(pem, name);
  const block = KEY_PEM.exec(pem)?.[0];
  if (!block) throw new GatewayError('AS2_SECRET_UNUSABLE', `The secret "${name}" holds no unencrypted PEM private key beside its certificate.`);
  let key: KeyObject;
  try {
    key = createPrivateKey(block);
  } catch (error) {
    throw new GatewayError('AS2_SECRET_UNUSABLE', `The private key in the secret "${name}" cannot be read: ${describeError(error)}.`, { cause: error });
  }
  if (!certificate.x509.checkPrivateKey(key)) {
    throw new GatewayError('AS2_SECRET_UNUSABLE', `The private key in the secret "${name}" does not belong to the certificate beside it.`);
  }
  return { ...certificate, key };
}

export async function loadCertificate(db: Queryable, secrets: SecretStore, name: string): Promise<As2Certificate> {
  return parseCertificate((await secrets.get(db, name)).toString('utf8'), name);
}

export async function loadIdentity(db: Queryable, secrets: SecretStore, name: string): Promise<As2Identity> {
  return parseIdentity((await secrets.get(db, name)).toString('utf8'), name);
}

/**
 * Keeps a partner's certificate, or our certificate with its key, in the secret store with the date it
 * expires, so the dashboard and the start-up warning see it without opening the secret.
 */
export async function storeCertificate(
  db: Queryable,
  secrets: SecretStore,
  secret: { readonly name: string; readonly pem: string; readonly withKey: boolean },
): Promise<void> {
  const { x509 } = secret.withKey ? parseIdentity(secret.pem, secret.name) : parseCertificate(secret.pem, secret.name);
  const kind: SecretKind = secret.withKey ? 'private-key' : 'certificate';
  await secrets.put(db, { name: secret.name, kind, value: Buffer.from(secret.pem, 'utf8'), expiresAt: new Date(x509.validTo) });
}
