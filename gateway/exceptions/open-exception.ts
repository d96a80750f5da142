import { newAlert, type BusinessReference } from '../alerts/alert.js';
import { recordAlert } from '../alerts/send-alerts.js';
import type { PoolClient } from '../store/pool.js';
import { openException } from '../store/sql/exceptions.js';
import { getProfileVersion } from '../store/sql/partner-profiles.js';
import type { NewException, StoredException } from './exception.js';

/**
 * Opens the exception and, when this call opened it, records the alert that tells support, both in the
 * step's transaction: the alert is sent once the change it is about has committed, and an exception found
 * again alerts nobody twice.
 */
export async function openExceptionWithAlert(
  tx: PoolClient,
  exception: NewException,
  about: { readonly reference?: BusinessReference | undefined; readonly partnerName?: string | undefined },
): Promise<{ readonly exception: StoredException; readonly opened: boolean }> {
  const result = await openException(tx, exception);
  if (!result.opened) return result;
  const partner = exception.partner;
  const name = about.partnerName ?? (partner ? (await getProfileVersion(tx, partner))?.profile.name : undefined);
  await recordAlert(
    tx,
    newAlert({
      kind: 'exception-opened',
      exceptionId: result.exception.id,
      code: exception.code,
      cause: exception.message,
      ...(partner ? { partner: { id: partner, ...(name ? { name } : {}) } } : {}),
      ...(about.reference ? { reference: about.reference } : {}),
      ...(exception.fileId ? { fileId: exception.fileId } : {}),
      ...(exception.documentId ? { documentId: exception.documentId } : {}),
      occurredAt: result.exception.createdAt,
    }),
  );
  return result;
}
