import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config/settings.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { Intake } from '../../ingest/accept-file.js';
import type { Logger } from '../../log.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { Pool } from '../../store/pool.js';
import { problemResponses } from '../../web/problem.js';
import { warnExpiringCertificates } from './certificate-expiry.js';
import { deliverMdn } from './deliver-mdn.js';
import { receiveAs2Message } from './receive-message.js';

/** What the AS2 route needs from the composition root. */
export interface As2RouteOptions {
  readonly pool: Pool;
  readonly secrets: SecretStore;
  readonly intake: Intake;
  readonly actor: string;
  readonly log: Logger;
  readonly settings: Config['as2'];
}

const as2Id = (description: string) => ({ type: 'string', minLength: 1, maxLength: 130, description });

/**
 * POST <EDI_AS2_PATH>: partners' AS2 messages and their asynchronous MDNs for ours. The body is taken as
 * bytes whatever its type: signatures cover exactly what was sent.
 */
export const as2Routes: FastifyPluginAsync<As2RouteOptions> = async (app, options) => {
  const { pool, secrets, intake, actor, log, settings } = options;
  await warnExpiringCertificates(pool, secrets, log, new Date()).catch((error: unknown) =>
    log.warn({ err: error }, 'could not look for expiring certificates'),
  );

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: settings.maxMessageBytes }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError) => {
    // Thrown on, the error reaches the application's handler, which makes every problem body.
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new GatewayError('AS2_MESSAGE_TOO_LARGE', `The AS2 message is larger than ${settings.maxMessageBytes} bytes (EDI_AS2_MAX_MESSAGE_BYTES).`);
    }
    throw error;
  });

  const receiveDeps = { pool, secrets, intake, actor, maxMessageBytes: settings.maxMessageBytes, now: () => new Date() };
  const deliveryDeps = { pool, actor, log, attempts: settings.attempts, retryMs: settings.retryMs, timeoutMs: settings.timeoutMs };

  app.post(
    settings.path,
    {
      schema: {
        operationId: 'receiveAs2Message',
        summary: "AS2 (RFC 4130): a partner's message, signed, encrypted, compressed or plain, or its asynchronous MDN for one of ours.",
        description:
          'The payload is stored before any MDN is made. A synchronous MDN is the answer; an asynchronous one is POSTed to Receipt-Delivery-Option afterwards. A Message-ID seen before gets the same MDN, and nothing is stored again. A message that fails decryption or its signature check gets an MDN with the error (processed/Error: ...), or a problem when no MDN was asked for.',
        tags: ['as2'],
        headers: {
          type: 'object',
          required: ['as2-from', 'as2-to', 'message-id'],
          properties: {
            'as2-from': as2Id("The partner's AS2 id (partnerAs2Id in its profile)."),
            'as2-to': as2Id('Our AS2 id as the partner knows it (ourAs2Id in its profile).'),
            'message-id': { type: 'string', minLength: 3, maxLength: 998, description: 'The message\'s id, <unique@sender>: a repeated one is not processed again.' },
            'disposition-notification-to': { type: 'string', description: 'Present when the partner asks for an MDN.' },
            'disposition-notification-options': { type: 'string', description: 'signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256' },
            'receipt-delivery-option': { type: 'string', description: "Where an asynchronous MDN goes: a URL on the host of the partner's AS2 URL." },
          },
        },
        consumes: ['application/pkcs7-mime', 'multipart/signed', 'application/edi-x12', 'application/edifact', 'application/octet-stream'],
        response: {
          200: {
            description: 'The MDN, when a synchronous one was asked for (multipart/signed when signed); otherwise empty.',
            content: { 'multipart/signed': { schema: { type: 'string' } }, 'multipart/report': { schema: { type: 'string' } } },
          },
          ...problemResponses(
            'REQUEST_INVALID',
            'AS2_PARTNER_UNKNOWN',
            'AS2_MESSAGE_TOO_LARGE',
            'AS2_MESSAGE_UNREADABLE',
            'AS2_DECRYPTION_FAILED',
            'AS2_DECOMPRESSION_FAILED',
            'AS2_SIGNATURE_UNTRUSTED',
            'AS2_INTEGRITY_CHECK_FAILED',
            'AS2_ALGORITHM_REFUSED',
            'AS2_SECRET_UNUSABLE',
          ),
        },
      },
    },
    async (request, reply) => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
      const answer = await receiveAs2Message(receiveDeps, { headers, body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0) });
      const { asyncMdn } = answer;
      if (asyncMdn) {
        // After the answer is out (or the partner hung up): the payload is stored either way, so its MDN is owed.
        let started = false;
        const start = () => {
          if (started) return;
          started = true;
          deliverMdn(deliveryDeps, asyncMdn).catch((error: unknown) => log.error({ err: error, messageId: asyncMdn.messageId }, 'asynchronous MDN delivery failed'));
        };
        reply.raw.once('finish', start).once('close', start);
      }
      for (const [name, value] of answer.headers) reply.header(name, value);
      return reply.status(200).send(answer.body);
    },
  );
};
