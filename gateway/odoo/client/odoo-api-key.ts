import { GatewayError } from '../../errors/gateway-error.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Queryable } from '../../store/pool.js';

// The integration user's API key is a secret like a partner's SFTP password: encrypted in the secret store
// under the master key, stored with `edi-gateway secret set odoo/<connection>/api-key --kind password`.
// Odoo 19 keys last at most three months, so the name stays and the value is replaced on rotation.

const CONNECTION_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export function odooApiKeySecretName(connection: string): string {
  if (!CONNECTION_NAME.test(connection)) {
    throw new GatewayError('CONFIG_INVALID', `"${connection}" cannot name an Odoo connection: use letters, digits, - and _ (at most 64).`);
  }
  return `odoo/${connection}/api-key`;
}

/** The key, without the line end a key file usually has; SECRET_NOT_FOUND naming the secret when there is none. */
export async function loadOdooApiKey(db: Queryable, secrets: SecretStore, connection: string): Promise<string> {
  const name = odooApiKeySecretName(connection);
  const key = (await secrets.get(db, name)).toString('utf8').trim();
  if (key === '') throw new GatewayError('SECRET_UNREADABLE', `The secret "${name}" is empty; store the Odoo API key with: edi-gateway secret set ${name} --kind password --file FILE.`);
  return key;
}
