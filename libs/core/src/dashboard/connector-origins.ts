import type { EntityManager } from 'typeorm';

export interface ConnectorOrigin {
  bindingId: string;
  name: string;
  /** The binding's last run that published or found nothing new (ISO), null if none did yet. */
  syncedAt: string | null;
  /** The source's address when its settings have one, without its query (it may carry a key). */
  url: string | null;
}

export interface ValueKey {
  indicatorId: string;
  territoryCode: string;
  date: string;
}

const keyOf = (value: ValueKey) => `${value.indicatorId}|${value.territoryCode}|${value.date}`;

function publicUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

/**
 * Which source binding wrote values that came from a connector: the value's import batch is a
 * binding's run (`measure.batch_id` → `sync_run.batch_id` → `source_binding`, ADR 033). Keyed by
 * indicator, territory and date; the latest value of that key wins.
 */
export async function connectorOrigins(db: EntityManager, values: ValueKey[]): Promise<Map<string, ConnectorOrigin>> {
  const origins = new Map<string, ConnectorOrigin>();
  if (values.length === 0) return origins;
  const rows = (await db.query(
    `SELECT DISTINCT ON (m.indicator_id, m.territory_code, m.date) m.indicator_id, m.territory_code, to_char(m.date, 'YYYY-MM-DD') AS date,
            b.id AS binding_id, b.name, b.settings->>'url' AS url,
            (SELECT to_char(max(f.finished_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM sync_run f
              WHERE f.binding_id = b.id AND NOT f.dry_run AND f.status IN ('published', 'unchanged')) AS synced_at
     FROM measure m JOIN sync_run r ON r.batch_id = m.batch_id JOIN source_binding b ON b.id = r.binding_id
     JOIN unnest($1::text[], $2::text[], $3::date[]) AS k(indicator_id, territory_code, date)
       ON k.indicator_id = m.indicator_id AND k.territory_code = m.territory_code AND k.date = m.date
     WHERE m.provenance = 'connector'
     ORDER BY m.indicator_id, m.territory_code, m.date, m.id DESC`,
    [values.map((v) => v.indicatorId), values.map((v) => v.territoryCode), values.map((v) => v.date)],
  )) as { indicator_id: string; territory_code: string; date: string; binding_id: string; name: string; url: string | null; synced_at: string | null }[];
  for (const row of rows) {
    origins.set(keyOf({ indicatorId: row.indicator_id, territoryCode: row.territory_code, date: row.date }), { bindingId: row.binding_id, name: row.name, syncedAt: row.synced_at, url: publicUrl(row.url) });
  }
  return origins;
}

export { keyOf as connectorOriginKey };
