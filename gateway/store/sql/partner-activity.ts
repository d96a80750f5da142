import type { Queryable } from '../pool.js';
import type { EventRow } from './events.js';
import { likeEscaped } from './file-search.js';

// Partners as the dashboard lists them: each with its current version's key fields and when a file last
// came from it (the newest row of received_files_partner_idx), paged by partner id.

export interface PartnerActivity {
  readonly partner: string;
  readonly name: string;
  readonly standard: string;
  readonly usage: string;
  readonly currentVersion: number;
  readonly updatedAt: Date;
  readonly lastFileAt: Date | null;
}

export interface PartnerSearch {
  readonly usage?: 'test' | 'production' | undefined;
  /** Part of the partner's id or name, in any case. */
  readonly text?: string | undefined;
  /** Partners whose id sorts after this: the next page after the last one shown. */
  readonly after?: string | undefined;
  readonly limit: number;
}

export async function searchPartners(db: Queryable, search: PartnerSearch): Promise<PartnerActivity[]> {
  const result = await db.query<PartnerActivity>(
    `SELECT p.partner, v.profile->>'name' AS name, p.standard, p.usage, p.current_version AS "currentVersion", p.updated_at AS "updatedAt",
            (SELECT r.received_at FROM received_files r WHERE r.partner = p.partner ORDER BY r.id DESC LIMIT 1) AS "lastFileAt"
       FROM partner_profiles p
       JOIN partner_profile_versions v ON v.partner = p.partner AND v.version = p.current_version
      WHERE ($1::text IS NULL OR p.usage = $1)
        AND ($2::text IS NULL OR p.partner LIKE $2 OR lower(v.profile->>'name') LIKE $2)
        AND ($3::text IS NULL OR p.partner > $3)
      ORDER BY p.partner
      LIMIT $4`,
    [search.usage ?? null, search.text === undefined ? null : `%${likeEscaped(search.text.toLowerCase())}%`, search.after ?? null, search.limit],
  );
  return result.rows;
}

/** When a file last came from the partner; null when none has. */
export async function lastFileOf(db: Queryable, partner: string): Promise<Date | null> {
  const result = await db.query<{ at: Date }>('SELECT received_at AS at FROM received_files WHERE partner = $1 ORDER BY received_files.id DESC LIMIT 1', [partner]);
  return result.rows[0]?.at ?? null;
}

/** The partner's latest events of these types, newest first. */
export async function recentPartnerEvents(db: Queryable, partner: string, types: readonly string[], limit: number): Promise<EventRow[]> {
  const result = await db.query<EventRow>(
    `SELECT id::text, entity, entity_id AS "entityId", type, details, actor, at
       FROM events WHERE entity = 'partner' AND entity_id = $1 AND type = ANY($2::text[])
      ORDER BY events.id DESC LIMIT $3`,
    [partner, types, limit],
  );
  return result.rows;
}

/** The business documents ('order' ...) of the partner's sample tests that passed at this version. */
export async function documentsPassedAt(db: Queryable, partner: string, sampleTestedType: string, version: number): Promise<string[]> {
  const result = await db.query<{ document: string }>(
    `SELECT DISTINCT jsonb_array_elements_text(details->'documents') AS document
       FROM events
      WHERE entity = 'partner' AND entity_id = $1 AND type = $2 AND details->>'passed' = 'true' AND details->>'version' = $3::text`,
    [partner, sampleTestedType, version],
  );
  return result.rows.map((row) => row.document);
}
