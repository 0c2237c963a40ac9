import type { EntityManager } from 'typeorm';

/**
 * `UPDATE … RETURNING` through TypeORM's PostgreSQL driver answers `[rows, count]`, other
 * statements answer `rows`: this always gives the rows.
 */
export async function returningRows<T>(db: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = (await db.query(sql, params)) as [T[], number] | T[];
  return (Array.isArray(result[0]) ? result[0] : result) as T[];
}
