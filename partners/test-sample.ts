import type { Source } from '../translators/canonical/index.js';
import { translateFile, type Finding, type TranslatedDocument } from '../translators/translate-file.js';
import { inboundTranslation } from './map-options-for.js';
import { documentOf, type BusinessDocument } from './schema/documents.js';
import type { PartnerProfile } from './schema/profile.js';

// A dry run of a sample file the partner sent, as the gateway would take it: from this partner to us, in its
// standard and version, each set or message one the partner sends us, valid under its guide, and translated
// with its options. What is wrong is said in words, each with where; nothing is stored or sent.

export type SampleFinding = Finding;

export interface SampleDocument extends TranslatedDocument {
  /** The business document the set or message carries, when the gateway translates it. */
  readonly document: BusinessDocument | undefined;
}

export interface SampleReport {
  readonly passed: boolean;
  /** What is wrong with the file as a whole: not EDI, not from this partner, another standard or version. */
  readonly findings: readonly SampleFinding[];
  readonly documents: readonly SampleDocument[];
}

export function testSample(profile: PartnerProfile, bytes: Uint8Array): SampleReport {
  let translated;
  try {
    translated = translateFile(bytes, inboundTranslation(profile));
  } catch (error) {
    return { passed: false, findings: [{ where: '', message: (error as Error).message }], documents: [] };
  }
  const findings: SampleFinding[] = [...translated.findings];
  if (translated.standard !== profile.standard) findings.push({ where: '', message: `The file is ${translated.standard}, but ${profile.id} exchanges ${profile.standard}.` });
  const interchanges = new Map(translated.documents.map(({ source }) => [source.interchangeControlNumber, source]));
  for (const source of interchanges.values()) findings.push(...envelopeFindings(profile, source));
  const documents = translated.documents.map((document) => withDirection(profile, document));
  if (documents.length === 0 && findings.length === 0) findings.push({ where: '', message: 'The file holds no transaction set or message.' });
  const passed = findings.length === 0 && documents.every((document) => document.findings.length === 0);
  return { passed, findings, documents };
}

/** A document the partner sends must be one its profile says it sends us. */
function withDirection(profile: PartnerProfile, translated: TranslatedDocument): SampleDocument {
  const document = translated.mapped ? documentOf(translated.message) : undefined;
  if (!document || profile.documents.some((entry) => entry.document === document && entry.direction === 'in')) return { ...translated, document };
  const where = `${translated.message} ${translated.controlNumber}`;
  const finding = { where, message: `${profile.id}'s profile does not say it sends us ${translated.message} (${document}); add it to its documents with direction in.` };
  return { ...translated, document, findings: [finding, ...translated.findings] };
}

/** The envelope must be the partner's to us, in the profile's version. */
function envelopeFindings(profile: PartnerProfile, source: Source): SampleFinding[] {
  const where = `interchange ${source.interchangeControlNumber}`;
  const findings: SampleFinding[] = [];
  const expected = expectedIds(profile);
  if (!expected) return findings;
  const same = (party: Source['sender'], id: { id: string; qualifier: string | undefined }) => party.id === id.id && (id.qualifier === undefined || party.qualifier === id.qualifier);
  const shown = (party: { id: string; qualifier?: string | undefined }) => (party.qualifier ? `${party.qualifier}/${party.id}` : party.id);
  if (!same(source.sender, expected.partner)) {
    findings.push({ where, message: `The sender is ${shown(source.sender)}, but ${profile.id} sends as ${shown(expected.partner)}; a file from another sender would not be taken as ${profile.id}'s.` });
  }
  if (!same(source.receiver, expected.ours)) findings.push({ where, message: `The receiver is ${shown(source.receiver)}, but ${profile.id} sends to us as ${shown(expected.ours)}.` });
  const version = profile.standard === 'X12' ? source.version.slice(0, 6) : source.version;
  if (version !== profile.version) findings.push({ where, message: `The version is ${source.version}, but ${profile.id}'s profile says ${profile.version}.` });
  return findings;
}

function expectedIds(profile: PartnerProfile): { partner: { id: string; qualifier: string | undefined }; ours: { id: string; qualifier: string | undefined } } | undefined {
  const { partner, ours } = profile.identities;
  if (profile.standard === 'X12') {
    return partner.x12 && ours.x12 ? { partner: { id: partner.x12.isaId, qualifier: partner.x12.isaQualifier }, ours: { id: ours.x12.isaId, qualifier: ours.x12.isaQualifier } } : undefined;
  }
  return partner.edifact && ours.edifact
    ? { partner: { id: partner.edifact.unbId, qualifier: partner.edifact.unbQualifier }, ours: { id: ours.edifact.unbId, qualifier: ours.edifact.unbQualifier } }
    : undefined;
}
