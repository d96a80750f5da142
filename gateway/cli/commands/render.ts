import { renderDocument } from '../../../partners/render-document.js';
import { parseCanonical } from '../../../translators/canonical/index.js';
import { createMemoryAllocator } from '../../../translators/control-numbers.js';
import { messageFor } from '../../../translators/maps/registry.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { requireProfileVersion } from '../../partners/profile-versions.js';
import type { Command } from '../command.js';
import { readWholeFile } from '../edi-file.js';
import { withStore } from '../with-store.js';

export const renderCommand: Command = {
  name: 'render',
  summary: "Print a canonical document (JSON) as the EDI a partner gets: its message, version, ids, delimiters and codes. A preview: control numbers start at 1.",
  positionals: ['FILE'],
  options: { partner: { type: 'string' }, type: { type: 'string' } },
  optionHelp: {
    partner: 'the partner to write for (required)',
    type: "the message to write, which must be the partner's message for the document: 850, 856, 214, 810, ORDERS, DESADV, IFTSTA or INVOIC (required)",
  },
  async run({ args, options, loadConfig, stdout }) {
    const file = args[0] as string;
    if (typeof options.partner !== 'string' || typeof options.type !== 'string') throw new GatewayError('REQUEST_INVALID', '--partner and --type are both required');
    const document = canonicalIn(file, await readWholeFile(file));
    const { profile } = await withStore(loadConfig().config, (pool) => requireProfileVersion(pool, options.partner as string));
    if (document.kind === 'functional-ack') throw new GatewayError('REQUEST_INVALID', `${file} is a functional acknowledgment; those are written by the acknowledgment generator, not rendered.`);
    const message = messageFor(profile.standard, document.kind);
    if (message !== options.type) throw new GatewayError('REQUEST_INVALID', `${file} is a ${document.kind}, which ${profile.id} (${profile.standard}) gets as ${message}, not ${options.type}.`);
    const rendered = await renderDocument(profile, document, { allocator: createMemoryAllocator(), now: new Date() });
    if (!rendered.ok) {
      const problems = rendered.problems.map((problem) => `${problem.location.path ?? ''}: ${problem.message}`);
      throw new GatewayError('REQUEST_INVALID', `${file} cannot be written as ${message} for ${profile.id}:\n  - ${problems.join('\n  - ')}`);
    }
    stdout.write(rendered.value.bytes);
    return 0;
  },
};

/** The file's JSON as a canonical document, or every problem with its path. */
function canonicalIn(file: string, bytes: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new GatewayError('REQUEST_INVALID', `${file} is not JSON: ${(error as Error).message}`, { location: { file } });
  }
  const parsed = parseCanonical(json);
  if (!parsed.ok) throw new GatewayError('REQUEST_INVALID', `${file} is not a canonical document:\n  - ${parsed.problems.map((problem) => `${problem.path || '/'}: ${problem.reason}`).join('\n  - ')}`, { location: { file } });
  return parsed.document;
}
