import { spec as contrl01b } from './d01b/contrl.js';
import { spec as desadv01b } from './d01b/desadv.js';
import { dictionary as dictionary01b } from './d01b/dictionary.js';
import { spec as iftsta01b } from './d01b/iftsta.js';
import { spec as invoic01b } from './d01b/invoic.js';
import { spec as orders01b } from './d01b/orders.js';
import { spec as contrl96a } from './d96a/contrl.js';
import { spec as desadv96a } from './d96a/desadv.js';
import { dictionary as dictionary96a } from './d96a/dictionary.js';
import { spec as iftsta96a } from './d96a/iftsta.js';
import { spec as invoic96a } from './d96a/invoic.js';
import { spec as orders96a } from './d96a/orders.js';
import type { GuideOverlay } from '../../guide-overlay.js';
import { compileMessage, type CompiledMessage } from '../validator/compiled-message.js';
import type { EdifactDictionary, MessageSpec } from './spec-types.js';

// The messages the gateway handles, by directory. A message's UNH names its directory in S009 as version
// (0052) and release (0054): D and 96A for D96A.

const directories: ReadonlyMap<string, { dictionary: EdifactDictionary; messages: readonly MessageSpec[] }> = new Map([
  ['D96A', { dictionary: dictionary96a, messages: [orders96a, desadv96a, invoic96a, iftsta96a, contrl96a] }],
  ['D01B', { dictionary: dictionary01b, messages: [orders01b, desadv01b, invoic01b, iftsta01b, contrl01b] }],
]);

/**
 * CONTRL belongs to the syntax rather than to a directory: its UNH names the syntax version (CONTRL:D:3 for
 * version 3, CONTRL:4:1 for version 4), and the directory whose CONTRL follows that version answers for it.
 */
const contrlDirectories: ReadonlyMap<string, string> = new Map([
  ['D3', 'D96A'],
  ['41', 'D01B'],
]);

/** The directory a UNH names in S009: version 0052 and release 0054 ('D', '96A' -> 'D96A'). */
export function directoryOf(version: string, release: string): string {
  return `${version}${release}`;
}

/** The directory's definition of a message and the dictionary it uses, or undefined when not handled. */
export function messageSpecFor(directory: string, messageType: string): { spec: MessageSpec; dictionary: EdifactDictionary } | undefined {
  const found = directories.get(messageType === 'CONTRL' ? (contrlDirectories.get(directory) ?? directory) : directory);
  const spec = found?.messages.find((candidate) => candidate.type === messageType);
  return found && spec ? { spec, dictionary: found.dictionary } : undefined;
}

const compiled = new WeakMap<GuideOverlay, Map<string, CompiledMessage | undefined>>();
const standardOnly: GuideOverlay = {};

/** The compiled definition, with the partner's overlay when one is given; compiled once per overlay and kept. */
export function compiledMessageFor(directory: string, messageType: string, overlay: GuideOverlay = standardOnly): CompiledMessage | undefined {
  const cache = compiled.get(overlay) ?? new Map<string, CompiledMessage | undefined>();
  compiled.set(overlay, cache);
  const key = `${directory}:${messageType}`;
  if (!cache.has(key)) {
    const found = messageSpecFor(directory, messageType);
    cache.set(key, found && compileMessage(found.spec, found.dictionary, overlay));
  }
  return cache.get(key);
}

/** Every (directory, message type) that messageSpecFor answers, directories as directoryOf writes them. */
export function handledMessages(): { directory: string; type: string }[] {
  return [
    ...[...directories].flatMap(([directory, { messages }]) => messages.map((spec) => ({ directory, type: spec.type }))),
    ...[...contrlDirectories.keys()].map((directory) => ({ directory, type: 'CONTRL' })),
  ];
}
