import { inboundTranslation } from '../../partners/map-options-for.js';
import type { MapProblem } from '../../translators/maps/map-contract.js';
import { mapsFor } from '../../translators/maps/registry.js';
import { readDocuments, type ReadDocument } from '../../translators/read-documents.js';
import type { Translation } from '../../translators/translate-file.js';
import { ExceptionAction } from '../exceptions/exception.js';
import { openExceptionWithAlert } from '../exceptions/open-exception.js';
import { withTransaction, type Pool, type PoolClient } from '../store/pool.js';
import { insertInboundDocument, listInterchangesToTranslate, setSetState, type InterchangeToRead, type SetToRead } from '../store/sql/documents.js';
import { appendEvent } from '../store/sql/events.js';
import { countExceptionsByKeyPrefix } from '../store/sql/exceptions.js';
import { getProfileVersion, type ProfileVersion } from '../store/sql/partner-profiles.js';
import { lockReceivedFile, readFileContent, type ReceivedFile } from '../store/sql/received-files.js';
import { businessReference, documentKindOf, kindWords, referenceInTree, referenceOf } from './business-reference.js';
import { TRANSLATED_MESSAGES, settleFile } from './settle-file.js';
import { DocumentState, FileState, SetState } from './states.js';

export type TranslateResult =
  | {
      readonly outcome: 'translated';
      /** The new documents' ids, TRANSLATED, for the sync step. */
      readonly documents: readonly string[];
      /** Exceptions opened for sets whose map failed. */
      readonly exceptions: readonly string[];
      /** Whether the file is PROCESSED now (nothing in it to sync). */
      readonly processed: boolean;
    }
  | { readonly outcome: 'not-acknowledged' | 'already-done' | 'not-found' };

/**
 * The step after acknowledgment: each ACCEPTED set of an ACKNOWLEDGED file becomes its canonical document,
 * stored TRANSLATED for the sync step, or, when its map fails, opens a TRANSLATION_FAILED exception (with an
 * alert) and goes to EXCEPTION. One step per file, not per set: a set is read from its interchange (whose
 * envelope gives the document its source and delimiters), so a file's interchanges are each read once for all
 * their sets, in one transaction with the file's row locked. Sets already TRANSLATED or in EXCEPTION are not
 * looked at again, so running the step twice changes nothing. A file with nothing left to translate or sync is
 * made PROCESSED here.
 *
 * Each set is translated with the partner's current profile, or the version a replay is pinned to (the version
 * is stored on the document), as the acknowledge step validated it: so that when support fixes the profile (a
 * unit, a code translation) and retries, the fix is used.
 */
export async function translateFile(deps: { pool: Pool; actor: string }, fileId: string): Promise<TranslateResult> {
  return withTransaction(deps.pool, async (tx) => {
    const file = await lockReceivedFile(tx, fileId, 0);
    if (!file) return { outcome: 'not-found' };
    if (file.state === FileState.RECEIVED || file.state === FileState.IDENTIFIED || file.state === FileState.PARSED) return { outcome: 'not-acknowledged' };
    if (file.state !== FileState.ACKNOWLEDGED) return { outcome: 'already-done' };

    const interchanges = await listInterchangesToTranslate(tx, fileId, TRANSLATED_MESSAGES);
    if (interchanges.length === 0) {
      const processed = await settleFile(tx, deps.actor, file);
      return processed ? { outcome: 'translated', documents: [], exceptions: [], processed } : { outcome: 'already-done' };
    }
    const current = await getProfileVersion(tx, file.partner, file.profileVersion ?? undefined);
    if (!current) throw new Error(`File ${fileId} is ACKNOWLEDGED for partner ${file.partner}, which has no profile.`);
    const translation = inboundTranslation(current.profile);
    const content = await readFileContent(tx, fileId);

    const documents: string[] = [];
    const exceptions: string[] = [];
    for (const interchange of interchanges) {
      const read = readDocuments(content.subarray(interchange.start, interchange.end), translation.guide);
      for (const [index, set] of interchange.sets.entries()) {
        if (set.state !== SetState.ACCEPTED || !TRANSLATED_MESSAGES.includes(set.messageType)) continue;
        const document = foundAgain(fileId, interchange, set, read.documents[index]);
        const done = await translateSet(tx, { actor: deps.actor, file, profile: current, translation, interchange, set, document });
        if (done.documentId) documents.push(done.documentId);
        if (done.exceptionId) exceptions.push(done.exceptionId);
      }
    }
    await appendEvent(tx, {
      entity: 'file',
      entityId: fileId,
      type: 'file.translated',
      actor: deps.actor,
      details: { partner: file.partner, profileVersion: current.version, documents: documents.length, exceptions: exceptions.length },
    });
    const processed = await settleFile(tx, deps.actor, file);
    return { outcome: 'translated', documents, exceptions, processed };
  });
}

/** The reader finds an interchange's sets in the order the parse step stored them; anything else is a fault of ours. */
function foundAgain(fileId: string, interchange: InterchangeToRead, set: SetToRead, document: ReadDocument | undefined): ReadDocument {
  if (!document || document.message !== set.messageType || document.source.setControlNumber !== set.controlNumber) {
    throw new Error(
      `Set ${set.id} of file ${fileId} (${set.messageType} ${set.controlNumber}, interchange ${interchange.controlNumber}) was not found again where it was stored; ` +
        `the reader gave ${document ? `${document.message} ${document.source.setControlNumber}` : 'nothing'} there.`,
    );
  }
  return document;
}

interface SetWork {
  readonly actor: string;
  readonly file: ReceivedFile;
  readonly profile: ProfileVersion;
  readonly translation: Translation;
  readonly interchange: InterchangeToRead;
  readonly set: SetToRead;
  readonly document: ReadDocument;
}

async function translateSet(tx: PoolClient, work: SetWork): Promise<{ readonly documentId?: string; readonly exceptionId?: string }> {
  const { file, set, document } = work;
  const maps = mapsFor(work.interchange.standard, set.messageType);
  if (!maps || !document.tree) throw new Error(`Set ${set.id} (${set.messageType}) was accepted, but no map reads it.`);
  const mapped = maps.inbound(document.tree, document.source, work.translation.options(set.messageType));
  if (mapped.ok) {
    const canonical = mapped.value;
    const kind = documentKindOf(canonical.kind);
    const reference = referenceOf(canonical);
    const documentId = await insertInboundDocument(tx, {
      kind,
      partner: file.partner,
      reference,
      canonical,
      fileId: file.id,
      setId: set.id,
      profileVersion: work.profile.version,
      state: DocumentState.TRANSLATED,
    });
    await setSetState(tx, set.id, SetState.TRANSLATED);
    await appendEvent(tx, {
      entity: 'inbound-document',
      entityId: documentId,
      type: 'document.translated',
      actor: work.actor,
      details: { fileId: file.id, setId: set.id, partner: file.partner, kind, reference: reference ?? null, message: set.messageType, controlNumber: set.controlNumber, profileVersion: work.profile.version },
    });
    return { documentId };
  }

  const kind = documentKindOf(maps.kind);
  const number = referenceInTree(work.interchange.standard, set.messageType, document.tree);
  const named = `${kindWords(kind)}${number ? ` ${number}` : ''} (${set.messageType} ${set.controlNumber} in interchange ${work.interchange.controlNumber})`;
  const message = `The ${named} could not be translated: ${mapped.problems.map((problem) => problem.message).join(' ')}`;
  const [first] = mapped.problems as [MapProblem, ...MapProblem[]];
  const { exception } = await openExceptionWithAlert(
    tx,
    {
      // Numbered: a set retried by support whose map fails again opens an exception of its own.
      key: `translate:set:${set.id}:${await countExceptionsByKeyPrefix(tx, `translate:set:${set.id}:`)}`,
      code: 'TRANSLATION_FAILED',
      message,
      partner: file.partner,
      ...(number ? { reference: number } : {}),
      fileId: file.id,
      setId: set.id,
      location: { offset: set.start, interchange: work.interchange.controlNumber, set: set.controlNumber, message: set.messageType, ...first.location },
      actions: [ExceptionAction.RETRY, ExceptionAction.REPLAY, ExceptionAction.DISMISS],
    },
    { reference: businessReference(kind, number), partnerName: work.profile.profile.name },
  );
  await setSetState(tx, set.id, SetState.EXCEPTION);
  await appendEvent(tx, {
    entity: 'set',
    entityId: set.id,
    type: 'set.translation-failed',
    actor: work.actor,
    details: { fileId: file.id, partner: file.partner, exceptionId: exception.id, profileVersion: work.profile.version, problems: mapped.problems },
  });
  return { exceptionId: exception.id };
}
