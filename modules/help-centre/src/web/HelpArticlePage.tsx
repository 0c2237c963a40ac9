import { Box, Link, Typography } from '@mui/material';
import { ErrorState, LoadingState, useModuleQuery } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { HELP_ARTICLE_QUERY, NAMESPACE } from './help-queries';
import { Markdown } from './markdown/Markdown';

/** `/help/:slug`: one article, its Markdown rendered safely. */
export function HelpArticlePage() {
  const { t } = useTranslation(NAMESPACE);
  const { slug = '' } = useParams();
  const { data, loading, error } = useModuleQuery<{ helpArticle: { title: string; body: string } }>(HELP_ARTICLE_QUERY, { slug });
  return (
    <Box component="article" sx={{ maxWidth: 880 }}>
      <Link component={RouterLink} to="/help">{t('article.back')}</Link>
      {loading && !data ? <LoadingState /> : error || !data ? <ErrorState error={error} title={t('article.notFound')} /> : (
        <>
          <Typography component="h1" variant="h1" sx={{ my: 2 }}>{data.helpArticle.title}</Typography>
          <Markdown source={data.helpArticle.body} />
        </>
      )}
    </Box>
  );
}
