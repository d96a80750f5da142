import type { Diagnostic } from '../../translators/diagnostic.js';
import { SyntaxError } from '../../translators/edifact/codes.js';
import { InterchangeNote } from '../../translators/x12/codes.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { newAlert } from '../alerts/alert.js';
import { recordAlert } from '../alerts/send-alerts.js';
import { ExceptionAction } from '../exceptions/exception.js';
import type { PoolClient } from '../store/pool.js';
import type { StoredInterchange } from '../store/sql/acknowledgments.js';
import { appendEvent } from '../store/sql/events.js';
import { openException } from '../store/sql/exceptions.js';
import { findEarlierInterchange, markDuplicate } from '../store/sql/interchanges.js';
import type { ReceivedFile } from '../store/sql/received-files.js';
import { sameReceipt } from '../store/sql/replays.js';

// An interchange the partner sent before (same sender, receiver and control number, within its profile's
// window) is not processed again. It is acknowledged as a duplicate (TA1 note 025, CONTRL 26) when the
// partner's policy answers rejected interchanges, and support sees an exception it may force through.

const DEFAULT_WINDOW_DAYS = 90;

/** The finding that rejects the interchange as a duplicate, recorded with its exception; undefined when it is none. */
export async function holdDuplicate(tx: PoolClient, actor: string, file: ReceivedFile, profile: PartnerProfile, interchange: StoredInterchange): Promise<Diagnostic | undefined> {
  const earlier = await findEarlierInterchange(tx, interchange.id, profile.receiving?.duplicateWindowDays ?? DEFAULT_WINDOW_DAYS);
  if (!earlier) return undefined;
  // A replay is deliberate: the file it replays, and that file's other replays, came in before by design.
  if (file.replayOf !== null && (await sameReceipt(tx, file.id, earlier.fileId))) return undefined;
  await markDuplicate(tx, interchange.id, earlier.id);
  const { controlNumber, senderId, receiverId } = earlier;
  const message = `Interchange ${controlNumber} from ${senderId} to ${receiverId} came in before, in file ${earlier.fileId}, ${earlier.identical ? 'with the same bytes' : 'with other bytes'}; it is not processed again.`;
  const { exception, opened } = await openException(tx, {
    key: `duplicate:interchange:${interchange.id}`,
    code: 'DUPLICATE_INTERCHANGE',
    message,
    partner: file.partner,
    reference: `interchange ${controlNumber}`,
    fileId: file.id,
    location: { offset: interchange.start, interchange: controlNumber },
    actions: [ExceptionAction.FORCE, ExceptionAction.DISMISS],
  });
  if (opened) {
    await recordAlert(
      tx,
      newAlert({
        kind: 'exception-opened',
        exceptionId: exception.id,
        code: exception.code,
        cause: message,
        partner: { id: profile.id, name: profile.name },
        reference: { document: 'interchange', number: controlNumber },
        fileId: file.id,
        occurredAt: new Date(),
      }),
    );
  }
  await appendEvent(tx, {
    entity: 'file',
    entityId: file.id,
    type: 'file.duplicate',
    actor,
    details: { interchange: controlNumber, original: earlier.id, originalFile: earlier.fileId, identical: earlier.identical, exception: exception.id },
  });
  const location = { offset: 0, interchange: controlNumber, segment: file.standard === 'EDIFACT' ? 'UNB' : 'ISA' };
  return file.standard === 'EDIFACT'
    ? { level: 'interchange', severity: 'error', codeList: '0085', code: SyntaxError.duplicateDetected, message, location: { ...location, element: 5 } }
    : { level: 'interchange', severity: 'error', codeList: 'TA105', code: InterchangeNote.duplicateInterchange, message, location };
}
