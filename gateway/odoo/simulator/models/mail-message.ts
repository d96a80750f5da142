import { valueError } from '../errors.js';
import { boolean, char, datetime, html, integer, many2many, many2one, selection } from '../orm/fields.js';
import { createRecords } from '../orm/create.js';
import type { MethodSpec, ModelSpec, Vals } from '../orm/model-spec.js';
import { existingRows, get } from '../orm/records.js';
import { OneRecord } from '../orm/result.js';
import { pyRepr } from '../python-repr.js';
import { ref } from './ir-model-data.js';

export const mailMessageSubtype: ModelSpec = {
  name: 'mail.message.subtype',
  description: 'Message subtypes',
  order: 'sequence, id',
  fields: { name: char('Message Type', { required: true }), internal: boolean('Internal Only'), sequence: integer('Sequence', { default: () => 1 }) },
};

export const mailMessage: ModelSpec = {
  name: 'mail.message',
  description: 'Message',
  order: 'id desc',
  recName: 'record_name',
  fields: {
    model: char('Related Document Model'),
    res_id: integer('Related Document ID'),
    record_name: char('Message Record Name', { compute: (env, row) => (row.model && env.hasModel(String(row.model)) ? get(env, String(row.model), row.res_id!, 'display_name') : false) }),
    body: html('Contents', { default: () => '' }),
    subject: char('Subject'),
    message_type: selection(
      'Type',
      [
        ['email', 'Incoming Email'],
        ['comment', 'Comment'],
        ['email_outgoing', 'Outgoing Email'],
        ['notification', 'System notification'],
        ['auto_comment', 'Automated Targeted Notification'],
        ['user_notification', 'User Specific Notification'],
      ],
      { required: true, default: () => 'comment' },
    ),
    subtype_id: many2one('Subtype', 'mail.message.subtype', { ondelete: 'set null' }),
    author_id: many2one('Author', 'res.partner'),
    partner_ids: many2many('Recipients', 'res.partner'),
    date: datetime('Date', { default: (env) => env.now }),
  },
};

/** A plain-text body is escaped (markupsafe) before it is stored as HTML. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

const messagePost: MethodSpec = {
  access: 'read',
  keywordOnly: true,
  varKeywords: true,
  params: (version) => [
    { name: 'body', default: '' },
    { name: 'subject', default: null },
    { name: 'message_type', default: 'notification' },
    { name: 'subtype_xmlid', default: null },
    { name: 'subtype_id', default: null },
    { name: 'partner_ids', default: null },
    { name: 'attachment_ids', default: null },
    ...(version >= 18 ? [{ name: 'body_is_html', default: false }] : []),
  ],
  run: (env, ids, args, model) => {
    const [record, ...others] = existingRows(env, model, ids);
    if (!record || others.length > 0) throw valueError(`Expected singleton: ${model.name}(${ids.join(', ')}${ids.length === 1 ? ',' : ''})`);
    const { body, subject, message_type: messageType, subtype_xmlid: subtypeXmlid, subtype_id: subtypeId, partner_ids: partners, attachment_ids: _attachments, body_is_html: isHtml, ...extra } = args;
    const text = typeof body === 'string' ? body : '';
    const vals: Vals = {
      ...extra,
      model: model.name,
      res_id: record.id,
      body: isHtml === true ? text : escapeHtml(text),
      subject: subject ?? false,
      message_type: messageType,
      subtype_id: typeof subtypeXmlid === 'string' ? ref(env, subtypeXmlid) : (subtypeId ?? false),
      author_id: get(env, 'res.users', env.uid, 'partner_id'),
      partner_ids: Array.isArray(partners) ? [[6, 0, partners]] : [],
    };
    if (messageType === 'user_notification') throw valueError(`Use message_notify to send a notification to an user, not message_post: ${pyRepr(messageType)}`);
    const [id] = createRecords(env, 'mail.message', [vals]);
    return new OneRecord(id!, 'returns-one');
  },
};

/** Methods of every model with chatter (mail.thread). */
export const THREAD_METHODS: Readonly<Record<string, MethodSpec>> = { message_post: messagePost };
