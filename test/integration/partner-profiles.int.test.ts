import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withTransaction, type Pool } from '../../gateway/store/pool.js';
import { getProfileVersion, listProfiles, listProfileVersions, partnerByIdentity, saveProfileVersion } from '../../gateway/store/sql/partner-profiles.js';
import { loadYamlProfile } from '../../partners/load-yaml-profile.js';
import type { PartnerProfile } from '../../partners/schema/profile.js';
import { refusal } from '../helpers/refusal.js';
import { createTestDatabase } from '../helpers/test-database.js';

let pool: Pool;
beforeAll(async () => ({ pool } = await createTestDatabase()));
afterAll(async () => pool.end());

const minimal = loadYamlProfile({ file: 'test/fixtures/partners/minimal.yaml' });

function partner(id: string, isaId: string, changes: Partial<PartnerProfile> = {}): PartnerProfile {
  const x12 = { isaQualifier: 'ZZ', isaId, gsId: isaId };
  return { ...minimal, id, identities: { ...minimal.identities, partner: { x12 } }, ...changes };
}

const save = (profile: PartnerProfile, basedOn: number | undefined, change = 'edited') =>
  withTransaction(pool, (client) => saveProfileVersion(client, { profile, basedOn, changedBy: 'onboarding@3pl', change }));

describe('partner profile store', () => {
  it('keeps every version, and the current one moves with each change', async () => {
    const first = await save(partner('versions', 'VERSIONS'), undefined, 'created from template retailer-x12-5010');
    expect(first).toMatchObject({ partner: 'versions', version: 1, changedBy: 'onboarding@3pl', change: 'created from template retailer-x12-5010' });
    await save(partner('versions', 'VERSIONS', { name: 'Versions Inc.' }), 1, 'name');
    await save(partner('versions', 'VERSIONS', { name: 'Versions Inc.', usage: 'production' }), 2, 'usage test -> production');

    expect((await getProfileVersion(pool, 'versions'))?.version).toBe(3);
    expect((await getProfileVersion(pool, 'versions', 1))?.profile.name).toBe('Minimal Partner');
    expect((await getProfileVersion(pool, 'versions', 2))?.profile).toEqual(partner('versions', 'VERSIONS', { name: 'Versions Inc.' }));
    expect((await listProfileVersions(pool, 'versions')).map((version) => version.change)).toEqual(['created from template retailer-x12-5010', 'name', 'usage test -> production']);
    expect(await listProfiles(pool)).toContainEqual(expect.objectContaining({ partner: 'versions', name: 'Versions Inc.', currentVersion: 3, usage: 'production', standard: 'X12' }));
    expect(await getProfileVersion(pool, 'versions', 4)).toBeUndefined();
  });

  it('never changes a version once written', async () => {
    await save(partner('frozen', 'FROZEN'), undefined);
    await expect(pool.query("UPDATE partner_profile_versions SET change = 'rewritten' WHERE partner = 'frozen'")).rejects.toThrow(/kept as written/);
    await expect(pool.query("DELETE FROM partner_profile_versions WHERE partner = 'frozen'")).rejects.toThrow(/kept as written/);
  });

  it('refuses a change made from a version that is no longer current, and a second partner of the same id', async () => {
    await save(partner('race', 'RACE'), undefined);
    await save(partner('race', 'RACE', { name: 'First' }), 1);
    const conflict = await refusal(save(partner('race', 'RACE', { name: 'Second' }), 1));
    expect(conflict.code).toBe('PARTNER_VERSION_CONFLICT');
    expect(conflict.message).toContain('version 2 was saved meanwhile');
    expect((await getProfileVersion(pool, 'race'))?.profile.name).toBe('First');

    expect((await refusal(save(partner('race', 'RACE2'), undefined))).code).toBe('PARTNER_EXISTS');
    expect((await refusal(save(partner('nobody', 'NOBODY'), 1))).code).toBe('PARTNER_NOT_FOUND');
  });

  it("finds a partner by its envelope ids, and refuses a partner that would send under another's", async () => {
    await save(partner('owner', 'OWNERID'), undefined);
    expect(await partnerByIdentity(pool, { kind: 'isa', qualifier: 'ZZ', id: 'OWNERID' })).toBe('owner');
    expect(await partnerByIdentity(pool, { kind: 'gs', qualifier: '', id: 'OWNERID' })).toBe('owner');

    const taken = await refusal(save(partner('intruder', 'OWNERID'), undefined));
    expect(taken.code).toBe('PARTNER_IDENTITY_TAKEN');
    expect(taken.message).toBe('The ISA id ZZ/OWNERID is already partner "owner"\'s; two partners cannot send under the same id.');
    expect(await getProfileVersion(pool, 'intruder')).toBeUndefined();

    const as2 = { partnerAs2Id: 'OWNER-AS2', ourAs2Id: 'THREEPL', url: 'https://as2.owner.example/', partnerCertificateRef: 'as2/owner', ourCertificateRef: 'as2/threepl', signing: 'sha256', encryption: 'aes256-cbc', mdn: 'sync', signedMdn: true, acceptUnsigned: false } as const;
    await save(partner('as2owner', 'AS2OWNER', { transports: { as2 } }), undefined);
    const as2Taken = await refusal(save(partner('as2intruder', 'AS2INTRUDER', { transports: { as2 } }), undefined));
    expect(as2Taken.message).toBe('The AS2 id OWNER-AS2 is already partner "as2owner"\'s; two partners cannot send under the same id.');

    const sftpMailbox = { users: [{ username: 'shared', publicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb2lAGNz4Nfv8xSxvtGmNpMeBqtjPB3Wq9lwA8QtdVr'] }] };
    await save(partner('sftpowner', 'SFTPOWNER', { transports: { sftpMailbox } }), undefined);
    expect((await refusal(save(partner('sftpintruder', 'SFTPINTRUDER', { transports: { sftpMailbox } }), undefined))).message).toContain('The SFTP login shared is already partner "sftpowner"');

    await save(partner('owner', 'NEWID'), 1, 'new ISA id');
    expect(await partnerByIdentity(pool, { kind: 'isa', qualifier: 'ZZ', id: 'OWNERID' })).toBeUndefined();
    expect(await partnerByIdentity(pool, { kind: 'isa', qualifier: 'ZZ', id: 'NEWID' })).toBe('owner');
  });
});
