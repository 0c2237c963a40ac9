import { Box, Button, Link, List, ListItem, TextField, Typography } from '@mui/material';
import { ErrorState, LoadingState, useModuleQuery } from '@pilote/module-sdk/web';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { HELP_ARTICLES_QUERY, NAMESPACE, type HelpArticleSummary } from './help-queries';

/** `/help`: every article, or those of one page (`?page=policy`), with a search box (`?q=`). */
export function HelpPage() {
  const { t, i18n } = useTranslation(NAMESPACE);
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = params.get('page');
  const [draft, setDraft] = useState(search);
  const { data, loading, error } = useModuleQuery<{ helpArticles: HelpArticleSummary[] }>(HELP_ARTICLES_QUERY, { search: search || null, page, locale: i18n.language.split('-')[0] });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set('q', draft.trim());
    else next.delete('q');
    setParams(next);
  };
  const articles = data?.helpArticles ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 880 }}>
      <Typography component="h1" variant="h1">{page ? t('page.forPage', { page: t(`pages.${page}`, { defaultValue: page }) }) : t('page.title')}</Typography>
      <Typography color="text.secondary">{t('page.intro')}</Typography>
      <Box component="form" role="search" onSubmit={submit} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField size="small" type="search" label={t('search.label')} value={draft} onChange={(event) => setDraft(event.target.value)} sx={{ flexGrow: 1 }} />
        <Button type="submit" variant="contained">{t('search.button')}</Button>
      </Box>
      {page && <Link component={RouterLink} to="/help">{t('page.allArticles')}</Link>}
      {loading && !data ? <LoadingState /> : error ? <ErrorState error={error} title={t('error')} /> : (
        <>
          <Typography role="status">{search && articles.length === 0 ? t('search.none', { search }) : t('search.results', { count: articles.length })}</Typography>
          <List>
            {articles.map((article) => (
              <ListItem key={article.slug} sx={{ display: 'block', px: 0 }}>
                <Link component={RouterLink} to={`/help/${article.slug}`} variant="h6">{article.title}</Link>
                {article.excerpt && <Typography color="text.secondary">{article.excerpt}</Typography>}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Box>
  );
}
