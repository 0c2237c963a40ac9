import type { HelpArticle } from '../common/help-article';

export type HelpArticleSummary = Pick<HelpArticle, 'slug' | 'title' | 'excerpt' | 'pages'>;

export const HELP_ARTICLES_QUERY = `query HelpArticles($search: String, $page: String, $locale: String) {
  helpArticles(search: $search, page: $page, locale: $locale) { slug title excerpt pages }
}`;

export const HELP_ARTICLE_QUERY = `query HelpArticle($slug: String!) { helpArticle(slug: $slug) { slug title body pages } }`;

export const NAMESPACE = 'help-centre';
