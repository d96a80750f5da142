import { describe, expect, it } from '@jest/globals';
import { resolveProfile, type ProfileLayers } from '../../partners/resolve-profile.js';

const defaults = {
  identities: { ours: { x12: { isaQualifier: '01', isaId: '123456789', gsId: 'THREEPL' } } },
  acknowledgments: { send: { ta1: 'requested' }, expect: { withinHours: 48, whenOverdue: 'alert' } },
  odoo: { productMatch: 'default_code' },
};

const group = {
  usage: 'test',
  standard: 'X12',
  version: '005010',
  documents: [
    { document: 'order', message: '850', direction: 'in', buyerItemQualifiers: ['BP', 'IN'] },
    { document: 'shipNotice', message: '856', direction: 'out' },
  ],
  acknowledgments: { expect: { withinHours: 24 } },
  odoo: { productMatch: 'barcode', warehouse: 'WH' },
};

const partner = {
  id: 'initech',
  name: 'Initech Stores',
  group: 'retailers-x12',
  identities: { partner: { x12: { isaQualifier: 'ZZ', isaId: 'INITECH', gsId: 'INITECH' } } },
  odoo: { partnerId: 42 },
};

function resolved(layers: ProfileLayers) {
  const result = resolveProfile(layers);
  if (!result.ok) throw new Error(`expected a profile, got ${JSON.stringify(result.problems)}`);
  return result.profile;
}

function problems(layers: ProfileLayers) {
  const result = resolveProfile(layers);
  if (result.ok) throw new Error('expected the layers to be refused');
  return result.problems;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('resolveProfile', () => {
  it('takes each value from the partner, else its group, else the defaults', () => {
    const hours = (layers: ProfileLayers) => resolved(layers).acknowledgments.expect.withinHours;
    expect(hours({ partner: { ...partner, acknowledgments: { expect: { withinHours: 12 } } }, group, defaults })).toBe(12);
    expect(hours({ partner, group, defaults })).toBe(24);
    expect(hours({ partner, group: { ...group, acknowledgments: {} }, defaults })).toBe(48);
  });

  it('merges groups of fields at every depth', () => {
    const profile = resolved({ partner, group, defaults });
    expect(profile.identities).toEqual({ partner: partner.identities.partner, ours: defaults.identities.ours });
    expect(profile.acknowledgments).toEqual({
      send: { ta1: 'requested', contrl: 'requestedOrRejected' },
      expect: { withinHours: 24, whenOverdue: 'alert', requestInterchangeAck: false },
    });
    expect(profile.odoo).toEqual({ partnerId: 42, productMatch: 'barcode', warehouse: 'WH' });
  });

  it('replaces lists whole instead of adding to them', () => {
    const documents = [{ document: 'order', message: '850', direction: 'in', buyerItemQualifiers: ['VN'] }];
    const profile = resolved({ partner: { ...partner, documents }, group, defaults });
    expect(profile.documents).toEqual(documents);
    expect(resolved({ partner, group, defaults }).documents).toEqual(group.documents);
  });

  it('leaves the layers as they were', () => {
    const layers = deepFreeze({ partner: structuredClone(partner), group: structuredClone(group), defaults: structuredClone(defaults) });
    expect(resolved(layers).id).toBe('initech');
    expect(layers.defaults.acknowledgments.send).toEqual({ ta1: 'requested' });
  });

  it('says which layer gave the value a problem is about', () => {
    const badGroup = { ...group, acknowledgments: { expect: { withinHours: 0 } } };
    const badDefaults = { ...defaults, acknowledgments: { ...defaults.acknowledgments, send: { ta1: 'sometimes' } } };
    expect(problems({ partner, group: badGroup, defaults: badDefaults })).toEqual([
      { layer: 'defaults', path: ['acknowledgments', 'send', 'ta1'], reason: "must be 'requested' or 'requestedOrRejected', got 'sometimes'" },
      { layer: 'group', path: ['acknowledgments', 'expect', 'withinHours'], reason: 'must be a whole number from 1 to 720, got 0' },
    ]);
  });

  it('puts a missing field in the layer that gives the fields around it, else in the partner', () => {
    const { whenOverdue: _left, ...expect48 } = defaults.acknowledgments.expect;
    const withoutPolicy = { ...defaults, acknowledgments: { expect: expect48 } };
    expect(problems({ partner, group, defaults: withoutPolicy })).toEqual([
      {
        layer: 'group',
        path: ['acknowledgments', 'expect', 'whenOverdue'],
        reason:
          'is required; it holds: What happens to an overdue document: resubmit (send it again), alert (tell support) or both. Support is alerted anyway once the last resubmission is overdue too.',
      },
    ]);
    const { odoo: _odoo, ...noOdoo } = defaults;
    const { odoo: _groupOdoo, ...groupWithoutOdoo } = group;
    const { odoo: _partnerOdoo, ...partnerWithoutOdoo } = partner;
    expect(problems({ partner: partnerWithoutOdoo, group: groupWithoutOdoo, defaults: noOdoo })).toEqual([
      { layer: 'partner', path: ['odoo'], reason: 'is required; it holds: The Odoo side of the partner.' },
    ]);
  });

  it('lets a value that is not a group of fields replace one that is, and blames it', () => {
    expect(problems({ partner: { ...partner, acknowledgments: 'default' }, group, defaults })).toEqual([
      { layer: 'partner', path: ['acknowledgments'], reason: "must be a group of fields (name: value), got 'default'" },
    ]);
  });

  it("keeps who the partner is to the partner's own profile", () => {
    expect(problems({ partner, group: { ...group, group: 'retailers' }, defaults: { ...defaults, id: 'any' } })).toEqual([
      { layer: 'group', path: ['group'], reason: "belongs in the partner's own profile only" },
      { layer: 'defaults', path: ['id'], reason: "belongs in the partner's own profile only" },
    ]);
  });
});
