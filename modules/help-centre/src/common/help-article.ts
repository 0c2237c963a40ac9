/** An article as the API returns it. `body` is Markdown, rendered by the web part's safe renderer. */
export interface HelpArticle {
  slug: string;
  title: string;
  keywords: string[];
  /** Page ids the article is about (home, policy, territory); empty = general. */
  pages: string[];
  locale: string;
  order: number;
  body: string;
  excerpt: string;
}

export const HELP_PAGES = ['home', 'policy', 'territory'] as const;
