import type { DataSource, EntityManager } from 'typeorm';
import type { HelpArticle } from '../common/help-article';

interface Row {
  slug: string;
  title: string;
  keywords: string[];
  pages: string[];
  locale: string;
  sort_order: number;
  body: string;
  excerpt: string;
}

const COLUMNS = 'slug, title, keywords, pages, locale, sort_order, body, excerpt';
// Weighted document: title (A) and keywords (B) count more than the body (D). French stemming
// for French articles ("indicateurs" finds "indicateur"), English for English ones.
const DOCUMENT = `setweight(to_tsvector(a.config, a.title), 'A') || setweight(to_tsvector(a.config, array_to_string(a.keywords, ' ')), 'B') || setweight(to_tsvector(a.config, a.body), 'D')`;

const toArticle = (row: Row): HelpArticle => ({ slug: row.slug, title: row.title, keywords: row.keywords, pages: row.pages, locale: row.locale, order: row.sort_order, body: row.body, excerpt: row.excerpt });

/** Replaces the index with the articles read from the instance folder (one transaction). */
export async function replaceHelpArticles(manager: EntityManager, articles: HelpArticle[]): Promise<void> {
  await manager.query(`DELETE FROM module_help_centre_article WHERE NOT (slug = ANY($1::text[]))`, [articles.map((article) => article.slug)]);
  for (const a of articles) {
    await manager.query(
      `INSERT INTO module_help_centre_article (${COLUMNS}, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (slug) DO UPDATE SET title = $2, keywords = $3, pages = $4, locale = $5, sort_order = $6, body = $7, excerpt = $8, updated_at = now()`,
      [a.slug, a.title, a.keywords, a.pages, a.locale, a.order, a.body, a.excerpt],
    );
  }
}

export interface HelpSearch {
  search?: string | null;
  page?: string | null;
  locale?: string | null;
}

/**
 * Articles of a page and/or matching a search, best first. Full-text search with PostgreSQL's
 * `to_tsvector` (same SQL on PostgreSQL 15 and PGlite); a title containing the words matches too.
 * When no article exists in the asked locale, the others are returned rather than nothing.
 */
export async function searchHelpArticles(dataSource: DataSource, query: HelpSearch): Promise<HelpArticle[]> {
  const search = query.search?.trim() || null;
  const rows = (await dataSource.query(
    `WITH a AS (
       SELECT *, (CASE WHEN locale = 'en' THEN 'english' ELSE 'french' END)::regconfig AS config
       FROM module_help_centre_article
       WHERE ($2::text IS NULL OR $2 = ANY(pages))
         AND ($3::text IS NULL OR locale = $3 OR NOT EXISTS (SELECT 1 FROM module_help_centre_article WHERE locale = $3))
     )
     SELECT ${COLUMNS.split(', ').map((column) => `a.${column}`).join(', ')},
            CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(${DOCUMENT}, websearch_to_tsquery(a.config, $1)) END AS rank
     FROM a
     WHERE $1::text IS NULL OR ${DOCUMENT} @@ websearch_to_tsquery(a.config, $1) OR a.title ILIKE '%' || $1 || '%'
     ORDER BY rank DESC, a.sort_order, a.title`,
    [search, query.page ?? null, query.locale ?? null],
  )) as Row[];
  return rows.map(toArticle);
}

export async function findHelpArticle(dataSource: DataSource, slug: string): Promise<HelpArticle | undefined> {
  const rows = (await dataSource.query(`SELECT ${COLUMNS} FROM module_help_centre_article WHERE slug = $1`, [slug])) as Row[];
  return rows[0] ? toArticle(rows[0]) : undefined;
}
