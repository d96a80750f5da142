import { DEFAULT_MAP_OPTIONS, type MapOptions } from '../translators/maps/map-contract.js';
import type { Translation } from '../translators/translate-file.js';
import { documentOf, type BusinessDocument } from './schema/documents.js';
import type { PartnerProfile } from './schema/profile.js';

/** What the partner's profile says about one of its documents, in one direction, as the maps take it. */
export function mapOptionsFor(profile: PartnerProfile, document: BusinessDocument, direction: 'in' | 'out'): MapOptions {
  const entry = profile.documents.find((candidate) => candidate.document === document && candidate.direction === direction);
  return {
    ...DEFAULT_MAP_OPTIONS,
    ...(entry?.buyerItemQualifiers ? { buyerItemQualifiers: entry.buyerItemQualifiers } : {}),
    unitsOfMeasure: entry?.unitsOfMeasure ?? {},
    codeTranslations: entry?.codeValues ?? {},
    ...(entry?.dateFormats ? { dateFormats: entry.dateFormats } : {}),
  };
}

/** How the partner's files are read: each message with its guide and its options. */
export function inboundTranslation(profile: PartnerProfile): Translation {
  return {
    guide: (message) => profile.documents.find((entry) => entry.direction === 'in' && entry.message === message)?.guide,
    options: (message) => mapOptionsFor(profile, documentOf(message), 'in'),
  };
}
