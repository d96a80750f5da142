// The one list of error codes the gateway reports. Codes are stable and never reused; the README's
// "Error codes" table is checked against this list by test/unit/error-catalogue.test.ts.

export interface ErrorDefinition {
  /** What a support person reads: plain words, no stack traces. */
  readonly summary: string;
  /** HTTP status when the error reaches the API. */
  readonly httpStatus: number;
  /** Whether trying the same thing again later can succeed without anyone changing anything. */
  readonly retryable: boolean;
}

export const errorCatalogue = {
  CONFIG_INVALID: {
    summary: 'A configuration setting is missing or has a value the gateway cannot use.',
    httpStatus: 500,
    retryable: false,
  },
  CONFIG_FILE_UNREADABLE: {
    summary: 'The configuration file could not be read or is not valid YAML.',
    httpStatus: 500,
    retryable: false,
  },
  DB_EMBEDDED_IN_USE: {
    summary: 'The embedded database folder is already used by another running gateway.',
    httpStatus: 500,
    retryable: false,
  },
  DB_EMBEDDED_START_FAILED: {
    summary: 'The embedded PostgreSQL server could not be started.',
    httpStatus: 500,
    retryable: true,
  },
  DB_UNAVAILABLE: {
    summary: 'The database cannot be reached.',
    httpStatus: 503,
    retryable: true,
  },
  MIGRATION_FAILED: {
    summary: 'A database migration failed; nothing of it was applied.',
    httpStatus: 500,
    retryable: false,
  },
  REQUEST_INVALID: {
    summary: 'The request has a parameter with a value the gateway does not accept.',
    httpStatus: 400,
    retryable: false,
  },
  NOT_FOUND: {
    summary: 'There is nothing at this address.',
    httpStatus: 404,
    retryable: false,
  },
  INTERNAL: {
    summary: 'The gateway failed unexpectedly; the details are in its log under the request id.',
    httpStatus: 500,
    retryable: true,
  },
  FILE_TOO_LARGE: {
    summary: 'The file is larger than the gateway accepts (EDI_MAX_FILE_BYTES).',
    httpStatus: 413,
    retryable: false,
  },
  FILE_EMPTY: {
    summary: 'The file is empty.',
    httpStatus: 422,
    retryable: false,
  },
  FILE_NOT_EDI: {
    summary: 'The file is neither X12 (starting with ISA) nor EDIFACT (starting with UNA or UNB).',
    httpStatus: 422,
    retryable: false,
  },
  FILE_UNREADABLE: {
    summary: 'The file cannot be opened: it does not exist, or the gateway may not read it.',
    httpStatus: 404,
    retryable: false,
  },
  ENVELOPE_UNREADABLE: {
    summary: 'Not one interchange could be read from the file: its ISA, or its UNA and UNB, is broken.',
    httpStatus: 422,
    retryable: false,
  },
  SENDER_NOT_PARTNER: {
    summary: "The interchange is sent under another partner's id than that of the partner it came in from; the file was rejected.",
    httpStatus: 422,
    retryable: false,
  },
  SENDER_UNKNOWN: {
    summary: "The interchange is sent under an id that is no partner's; the file is quarantined, kept whole, until support decides.",
    httpStatus: 422,
    retryable: false,
  },
  RECEIVER_NOT_US: {
    summary: "The interchange is addressed to an id other than the one the partner's profile says it sends to us under; the file is rejected.",
    httpStatus: 422,
    retryable: false,
  },
  USAGE_MISMATCH: {
    summary: "The file's interchange is marked test while the partner is in production, or production while the partner is in test; it was refused or quarantined as the partner's profile says (receiving.otherUsage), never processed.",
    httpStatus: 422,
    retryable: false,
  },
  DUPLICATE_INTERCHANGE: {
    summary: 'An interchange with the same sender, receiver and control number came in before from this partner, within the window its profile sets; it was acknowledged as a duplicate and not processed again. Support may force it through.',
    httpStatus: 409,
    retryable: false,
  },
  FILE_NOT_FOUND: {
    summary: 'There is no received file with this id.',
    httpStatus: 404,
    retryable: false,
  },
  FILE_NOT_REPLAYABLE: {
    summary: 'The file cannot be replayed now: it is still on its way through the pipeline; replay it once it is PROCESSED, REJECTED or QUARANTINED, or while an exception about it is open.',
    httpStatus: 409,
    retryable: true,
  },
  PROFILE_INVALID: {
    summary: 'A partner profile has fields that are missing or wrong; each problem names the field and, for a file, its line.',
    httpStatus: 422,
    retryable: false,
  },
  PARTNER_EXISTS: {
    summary: 'A partner with this id already exists.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_NOT_FOUND: {
    summary: 'There is no partner with this id, or no such version of its profile.',
    httpStatus: 404,
    retryable: false,
  },
  PARTNER_VERSION_CONFLICT: {
    summary: 'The partner profile was changed by someone else meanwhile; start again from its current version.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_IDENTITY_TAKEN: {
    summary: 'Another partner already sends under this envelope id; two partners cannot share one.',
    httpStatus: 409,
    retryable: false,
  },
  PARTNER_NOT_READY: {
    summary: 'The partner cannot go to production yet: a document it sends has no passing sample file at its current profile version.',
    httpStatus: 409,
    retryable: false,
  },
  SECRET_NOT_FOUND: {
    summary: 'A secret a partner profile names (a key, certificate or password) is not in the secret store.',
    httpStatus: 404,
    retryable: false,
  },
  SECRET_UNREADABLE: {
    summary: 'A stored secret cannot be decrypted: another master key, or the row was changed outside the gateway.',
    httpStatus: 500,
    retryable: false,
  },
  SFTP_REMOTE_NOT_CONFIGURED: {
    summary: "The partner's profile does not set up what this needs on its SFTP server: polling or pushing, a key or password, or the folder to move collected files to.",
    httpStatus: 409,
    retryable: false,
  },
  SFTP_REMOTE_HOST_KEY_REFUSED: {
    summary: "The partner's SFTP server showed another host key than the one pinned in its profile, so we did not log in; check with the partner before changing hostKey.",
    httpStatus: 502,
    retryable: false,
  },
  SFTP_REMOTE_UNREACHABLE: {
    summary: "The partner's SFTP server could not be reached or did not answer in time.",
    httpStatus: 502,
    retryable: true,
  },
  SFTP_REMOTE_LOGIN_REFUSED: {
    summary: "The partner's SFTP server refused our login: it does not accept the user name, key or password of the profile.",
    httpStatus: 502,
    retryable: false,
  },
  SFTP_REMOTE_TRANSFER_FAILED: {
    summary: "Listing, reading, writing, renaming or deleting a file on the partner's SFTP server failed or took too long.",
    httpStatus: 502,
    retryable: true,
  },
  SFTP_REMOTE_NAME_TAKEN: {
    summary: "The partner's SFTP server already holds another file under the name we push to; nothing was overwritten.",
    httpStatus: 409,
    retryable: false,
  },
  AS2_PARTNER_UNKNOWN: {
    summary: "No partner's profile has an AS2 transport with this AS2-From and AS2-To; the message was not taken.",
    httpStatus: 403,
    retryable: false,
  },
  AS2_MESSAGE_TOO_LARGE: {
    summary: 'The AS2 message is larger than the gateway accepts (EDI_AS2_MAX_MESSAGE_BYTES).',
    httpStatus: 413,
    retryable: false,
  },
  AS2_MESSAGE_UNREADABLE: {
    summary: 'The AS2 message or one of its parts is not the MIME or CMS structure it says it is.',
    httpStatus: 422,
    retryable: false,
  },
  AS2_DECRYPTION_FAILED: {
    summary: 'The AS2 message could not be decrypted with our key: it was encrypted for another certificate, or damaged.',
    httpStatus: 422,
    retryable: false,
  },
  AS2_DECOMPRESSION_FAILED: {
    summary: 'The AS2 message could not be decompressed, or is larger once decompressed than the gateway accepts.',
    httpStatus: 422,
    retryable: false,
  },
  AS2_SIGNATURE_UNTRUSTED: {
    summary: "The AS2 message or MDN is not signed with the partner's certificate from its profile.",
    httpStatus: 422,
    retryable: false,
  },
  AS2_INTEGRITY_CHECK_FAILED: {
    summary: 'The AS2 message or MDN was changed after it was signed: its content does not match its signature.',
    httpStatus: 422,
    retryable: false,
  },
  AS2_ALGORITHM_REFUSED: {
    summary: "The AS2 message uses a digest or cipher the gateway does not accept, or an old one (SHA-1, 3DES) the partner's profile does not ask for.",
    httpStatus: 422,
    retryable: false,
  },
  AS2_SIGNATURE_REQUIRED: {
    summary: "An AS2 message came unsigned from a partner whose profile takes only signed ones; it was refused with a failure MDN.",
    httpStatus: 422,
    retryable: false,
  },
  AS2_SECRET_UNUSABLE: {
    summary: "A certificate or key named in a partner's AS2 profile is not a PEM certificate (with its private key, for ours) the gateway can use.",
    httpStatus: 500,
    retryable: false,
  },
  AS2_NOT_CONFIGURED: {
    summary: "The partner's profile has no AS2 transport, or an asynchronous MDN is asked for while EDI_AS2_PUBLIC_URL is unset.",
    httpStatus: 409,
    retryable: false,
  },
  AS2_SEND_FAILED: {
    summary: "The partner's AS2 server gave no MDN for our message after every attempt.",
    httpStatus: 502,
    retryable: true,
  },
  AS2_MDN_INVALID: {
    summary: "The partner's MDN cannot be trusted: unsigned when a signed one was asked for, badly signed, about another message, or with a MIC that differs from ours.",
    httpStatus: 502,
    retryable: false,
  },
  AS2_MESSAGE_REJECTED: {
    summary: "The partner's MDN says it could not process our AS2 message.",
    httpStatus: 502,
    retryable: false,
  },
  SFTP_LISTEN_FAILED: {
    summary: "The partners' SFTP server cannot listen on its address and port (EDI_SFTP_HOST, EDI_SFTP_PORT): taken, or not allowed.",
    httpStatus: 500,
    retryable: true,
  },
  SFTP_HOST_KEY_UNREADABLE: {
    summary: "The SFTP server's stored host key cannot be read or does not match its fingerprint; restore it rather than make a new one.",
    httpStatus: 500,
    retryable: false,
  },
  SFTP_NAME_INVALID: {
    summary: "The file name cannot be used in a partner's SFTP mailbox: empty, . or .., with a / or a control character, or longer than 255 bytes.",
    httpStatus: 422,
    retryable: false,
  },
  SFTP_OUTBOUND_NAME_TAKEN: {
    summary: "A file of this name is already waiting in the partner's SFTP /outbound folder.",
    httpStatus: 409,
    retryable: false,
  },
  ALERT_WEBHOOK_FAILED: {
    summary: 'The alerts webhook (EDI_ALERT_WEBHOOK_URL) did not take an alert: it answered with an error status, could not be reached, or did not answer in time; the alert is sent again later.',
    httpStatus: 502,
    retryable: true,
  },
  TRANSLATION_FAILED: {
    summary: "A transaction set or message was accepted but could not be translated into its canonical document: a value the map needs is missing, or means nothing to it; the exception names the element. Fix the partner's profile (units, code translations) and retry, or have the partner send it again.",
    httpStatus: 422,
    retryable: false,
  },
  EXCEPTION_NOT_FOUND: {
    summary: 'There is no exception with this id.',
    httpStatus: 404,
    retryable: false,
  },
  EXCEPTION_NOT_OPEN: {
    summary: 'The exception was resolved already; its resolution says by whom, when and how.',
    httpStatus: 409,
    retryable: false,
  },
  EXCEPTION_ACTION_NOT_ALLOWED: {
    summary: 'This action cannot be taken on the exception here: it is not among the actions the exception allows, or it is done by a command of its own.',
    httpStatus: 409,
    retryable: false,
  },
  ODOO_UNAVAILABLE: {
    summary: "Odoo could not be reached, answered that it is unavailable (HTTP 5xx from it or its proxy), lost the connection or did not answer in time; the call is tried again with growing waits.",
    httpStatus: 503,
    retryable: true,
  },
  ODOO_CONCURRENT_UPDATE: {
    summary: "Odoo refused the call because another change to the same records was being saved at the same moment (serialization failure, lock); nothing was saved and the call is tried again.",
    httpStatus: 503,
    retryable: true,
  },
  ODOO_OUTCOME_UNKNOWN: {
    summary: "A change sent to Odoo got no answer, so it may or may not have been saved; it is never sent again blindly: the gateway first looks for the record it would have made.",
    httpStatus: 504,
    retryable: true,
  },
  ODOO_CIRCUIT_OPEN: {
    summary: "Calls to this Odoo are paused after several failures in a row; one call tries again after a cool-down, and the others follow once it succeeds.",
    httpStatus: 503,
    retryable: true,
  },
  ODOO_LOGIN_REFUSED: {
    summary: "Odoo refused the gateway's login: the database, user or API key is wrong, expired or revoked (store a new key with edi-gateway secret set odoo/CONNECTION/api-key).",
    httpStatus: 502,
    retryable: false,
  },
  ODOO_VERSION_UNSUPPORTED: {
    summary: "The server is not an Odoo version the gateway works with (16 to 19), or did not say which version it is.",
    httpStatus: 502,
    retryable: false,
  },
  ODOO_REQUEST_INVALID: {
    summary: "Odoo does not know a model, field or method the gateway asked for in this version, or refused a value's format; the gateway's Odoo mapping needs fixing.",
    httpStatus: 502,
    retryable: false,
  },
  ODOO_RECORD_REFUSED: {
    summary: "Odoo refused the record or the action by one of its business rules (a required value missing, a duplicate, a wrong state); its reason is given in its own words.",
    httpStatus: 422,
    retryable: false,
  },
  ODOO_RECORD_MISSING: {
    summary: "A record the gateway refers to does not exist in Odoo, or was deleted.",
    httpStatus: 422,
    retryable: false,
  },
  ODOO_ACCESS_DENIED: {
    summary: "The gateway's Odoo user is not allowed to do this; an Odoo administrator must grant the access right.",
    httpStatus: 502,
    retryable: false,
  },
  ODOO_RECORD_AMBIGUOUS: {
    summary: "More than one Odoo record carries the document's reference, or its external identifier points at another record; the gateway does not guess which one is meant.",
    httpStatus: 409,
    retryable: false,
  },
  ODOO_EXTERNAL_ID_STALE: {
    summary: "The external identifier the gateway gave an Odoo record points at a record that was deleted or is of another kind; someone must decide in Odoo what the document belongs to.",
    httpStatus: 409,
    retryable: false,
  },
  ODOO_FAILED: {
    summary: "Odoo failed with an unexpected error, or answered with something that is not its API's reply; the details are in the gateway's log.",
    httpStatus: 502,
    retryable: false,
  },
  ODOO_PRODUCT_UNKNOWN: {
    summary: "An item of the document matches no Odoo product the way the partner's profile matches them (odoo.productMatch), or comes in a unit Odoo has no unit for; the exception names the line and the number. Add the number in Odoo (or fix the profile) and retry.",
    httpStatus: 422,
    retryable: false,
  },
  ODOO_ORDER_MISMATCH: {
    summary: "The ship notice or invoice does not agree with its purchase order in Odoo: an item that is not on it, a unit other than its line's, a price that differs, a quantity beyond what is left to bill; the exception names the lines. Nothing was written.",
    httpStatus: 422,
    retryable: false,
  },
  ODOO_USAGE_MISMATCH: {
    summary: 'A test document (ISA15 T, UNB 0035 1) was not written to Odoo: the Odoo connection is marked production (EDI_ODOO_USAGE), and test business never makes production records.',
    httpStatus: 409,
    retryable: false,
  },
  ODOO_DOCUMENT_UNSUPPORTED: {
    summary: 'The gateway does not write this kind of document to Odoo (an order change or cancellation, a credit note); make the change in Odoo by hand and dismiss the exception.',
    httpStatus: 422,
    retryable: false,
  },
  ODOO_RECORD_UNMAPPABLE: {
    summary: "An Odoo record the poller found cannot become the document a partner takes: a value the document needs is missing or unknown in Odoo (a product with neither Internal Reference nor barcode, a unit the gateway has no code for, a delivery with no order number); the exception names the record and the value. Fill it in Odoo: the record is read again when it next changes.",
    httpStatus: 422,
    retryable: false,
  },
  DOCUMENT_NOT_FOUND: {
    summary: 'There is no outbound document with this id.',
    httpStatus: 404,
    retryable: false,
  },
  DOCUMENT_NOT_SENDABLE: {
    summary: "The partner cannot be sent this document: its profile does not list it among the documents we send it (documents, direction out), or gives no transport we deliver through (an SFTP mailbox, for now).",
    httpStatus: 409,
    retryable: false,
  },
  DOCUMENT_NOT_RESUBMITTABLE: {
    summary: 'The document cannot be sent again now: it is still on its way to the partner, or it was resubmitted already (resubmit its latest resubmission instead).',
    httpStatus: 409,
    retryable: false,
  },
  DOCUMENT_UNRENDERABLE: {
    summary: "The document cannot be written as the partner's EDI with its current profile: a value it needs is missing or cannot be written in the partner's format; fix the document or the profile (units, codes) and resubmit it.",
    httpStatus: 422,
    retryable: false,
  },
  ACK_UNMATCHED: {
    summary: 'An acknowledgment the partner sent answers no document we sent it (no group or interchange of ours has its control numbers), or cannot be read; nothing was changed.',
    httpStatus: 422,
    retryable: false,
  },
  ACK_REJECTED: {
    summary: "The partner's acknowledgment rejects a document we sent it, for the reason it gives; correct the document or the partner's profile and resubmit it.",
    httpStatus: 422,
    retryable: false,
  },
  ACK_OVERDUE: {
    summary: "The partner has not acknowledged a document we sent it within the hours its profile allows, and no automatic resubmission is left; ask the partner, then resubmit it or dismiss the exception.",
    httpStatus: 504,
    retryable: true,
  },
  SIGN_IN_FAILED: {
    summary: 'The user name or the password is wrong, or the user is disabled.',
    httpStatus: 401,
    retryable: false,
  },
  SIGN_IN_LOCKED: {
    summary: 'Too many failed sign-ins for this user name or from this address (EDI_DASHBOARD_MAX_SIGN_IN_FAILURES); sign-ins are refused until older failures leave the window (EDI_DASHBOARD_SIGN_IN_WINDOW_MS).',
    httpStatus: 429,
    retryable: true,
  },
  SESSION_REQUIRED: {
    summary: 'Sign in first: there is no session, or it ended (unused for too long, or signed in too long ago).',
    httpStatus: 401,
    retryable: false,
  },
  CSRF_TOKEN_INVALID: {
    summary: "The request did not carry the session's CSRF token (a form's hidden field, or the X-CSRF-Token header); reload the page and try again.",
    httpStatus: 403,
    retryable: false,
  },
  ROLE_FORBIDDEN: {
    summary: "The user's role does not allow this.",
    httpStatus: 403,
    retryable: false,
  },
  USER_EXISTS: {
    summary: 'A user with this name already exists.',
    httpStatus: 409,
    retryable: false,
  },
  API_KEY_REQUIRED: {
    summary: 'The API takes an API key: send it as "Authorization: Bearer <key>" (make one with edi-gateway user key add).',
    httpStatus: 401,
    retryable: false,
  },
  API_KEY_INVALID: {
    summary: 'The API key is not one the gateway knows, was revoked, or its user is disabled.',
    httpStatus: 401,
    retryable: false,
  },
  API_KEY_NOT_FOUND: {
    summary: 'There is no live API key with this id.',
    httpStatus: 404,
    retryable: false,
  },
  USER_NOT_FOUND: {
    summary: 'There is no user with this name.',
    httpStatus: 404,
    retryable: false,
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
