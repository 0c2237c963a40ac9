import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { readSeries } from '../computation/series-reader';
import { findTerritory } from './home.service';
import type { IndicatorSeriesType } from './detail.types';
import { INDICATOR_COLUMNS } from './indicator-sql';
import type { IndicatorType } from './dashboard.types';

/**
 * An indicator's values and targets at a territory and at each of its children; with `until`
 * (a page read at a past date, ADR 042) only those dated on or before it, targets included.
 */
export async function buildIndicatorSeries(db: EntityManager, indicatorId: string, territoryCode: string, withChildren: boolean, options: { until?: string } = {}): Promise<IndicatorSeriesType> {
  const territory = await findTerritory(db, territoryCode);
  const indicators = (await db.query(`SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE id = $1`, [indicatorId])) as IndicatorType[];
  if (!indicators[0]) throw new GraphQLError(`Unknown indicator "${indicatorId}".`, { extensions: { code: 'NOT_FOUND', field: 'indicatorId' } });
  const children = withChildren
    ? ((await db.query(`SELECT code, name FROM territory WHERE parent_code = $1 ORDER BY code`, [territoryCode])) as { code: string; name: string }[])
    : [];
  const series = await readSeries(db, indicatorId, [territoryCode, ...children.map((c) => c.code)]);
  const { until } = options;
  const upTo = <P extends { date: string }>(list: P[] | undefined): P[] => (until ? (list ?? []).filter((p) => p.date <= until) : (list ?? []));
  const own = series.get(territoryCode);
  const points = own ? [...upTo(own.VI).map((p) => ({ ...p, kind: 'VI' })), ...upTo(own.VA).map((p) => ({ ...p, kind: 'VA' }))] : [];
  return {
    indicator: indicators[0],
    territory,
    points: points.sort((a, b) => a.date.localeCompare(b.date)),
    targets: upTo(own?.VC).map((p) => ({ ...p, kind: 'VC' })),
    children: children
      .map((child) => ({ code: child.code, name: child.name, points: upTo(series.get(child.code)?.VA).map((p) => ({ ...p, kind: 'VA' })) }))
      .filter((child) => child.points.length > 0),
  };
}
