import { defaultDelimiters, type EdifactDelimiters } from '../translators/edifact/delimiters.js';
import type { X12Delimiters } from '../translators/x12/segment.js';
import type { PartnerProfile } from './schema/profile.js';

// The delimiters we write to a partner: the profile's where it gives them, the standard's usual ones where
// it does not. A profile leaves them out unless the partner's systems insist on others.

export type ProfileDelimiters =
  | { readonly standard: 'X12'; readonly delimiters: X12Delimiters }
  | { readonly standard: 'EDIFACT'; readonly delimiters: EdifactDelimiters };

/** `* > ~`, with `^` between repeats from 005010 on (ISA11 is the standards identifier U before that). */
function x12Defaults(version: string): X12Delimiters {
  return { element: '*', component: '>', repetition: version === '005010' ? '^' : undefined, segment: '~' };
}

export function delimitersFor(profile: Pick<PartnerProfile, 'standard' | 'version' | 'delimiters'>): ProfileDelimiters {
  const given = profile.delimiters ?? {};
  if (profile.standard === 'X12') {
    const defaults = x12Defaults(profile.version);
    return {
      standard: 'X12',
      delimiters: {
        element: given.element ?? defaults.element,
        component: given.component ?? defaults.component,
        repetition: given.repetition ?? defaults.repetition,
        segment: given.segment ?? defaults.segment,
      },
    };
  }
  // No repetition separator unless the profile gives one: only syntax version 4 has them.
  const defaults = defaultDelimiters(false);
  return {
    standard: 'EDIFACT',
    delimiters: {
      element: given.element ?? defaults.element,
      component: given.component ?? defaults.component,
      decimal: given.decimal ?? defaults.decimal,
      release: given.release ?? defaults.release,
      repetition: given.repetition ?? defaults.repetition,
      segment: given.segment ?? defaults.segment,
    },
  };
}
