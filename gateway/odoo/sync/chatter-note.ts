import { ensureRecord, type ExternalId } from '../client/idempotent-write.js';
import type { OdooClient } from '../client/odoo-client.js';
import { oneId } from './odoo-values.js';

// An internal note in a record's chatter (message_post, reference 3.13), posted once per document: the
// message gets the document's external identifier, and its text names the document, so that a note whose
// answer was lost is found in the chatter rather than posted twice.

export interface NoteOptions {
  readonly model: string;
  readonly id: number;
  readonly externalId: ExternalId;
  /** Words in the body that no other document's note has: "(EDI document 42)". */
  readonly token: string;
  /** Plain text, with the token in it; Odoo escapes it as HTML. */
  readonly body: string;
}

/** The mail.message id of the note. */
export async function ensureNote(client: OdooClient, note: NoteOptions): Promise<number> {
  const made = await ensureRecord(client, {
    model: 'mail.message',
    externalId: note.externalId,
    reference: [
      ['model', '=', client.names.model(note.model)],
      ['res_id', '=', note.id],
      ['body', 'ilike', note.token],
    ],
    make: async (odoo) =>
      oneId(await odoo.call(note.model, 'message_post', [note.id], { body: note.body, message_type: 'comment', subtype_xmlid: 'mail.mt_note' }), `message_post on ${note.model} ${note.id}`),
  });
  return made.id;
}
