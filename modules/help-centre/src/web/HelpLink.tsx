import { Box, Link, Typography } from '@mui/material';
import { useModuleQuery, zonePage, type ZoneId, type ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { HELP_ARTICLES_QUERY, NAMESPACE, type HelpArticleSummary } from './help-queries';

/** Contextual help: the articles written for the page this zone belongs to; nothing when there are none. */
export function HelpLink({ zoneId }: ZoneWidgetProps) {
  const { t, i18n } = useTranslation(NAMESPACE);
  const page = zonePage(zoneId as ZoneId);
  const { data } = useModuleQuery<{ helpArticles: HelpArticleSummary[] }>(HELP_ARTICLES_QUERY, { page, locale: i18n.language.split('-')[0] });
  const articles = data?.helpArticles ?? [];
  if (articles.length === 0) return null;
  return (
    <Box component="aside" aria-labelledby={`help-${zoneId}`} className="no-print" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}>
      <Typography id={`help-${zoneId}`} component="h2" variant="h6">{t('widget.title')}</Typography>
      <Box component="ul" sx={{ pl: 2, my: 1 }}>
        {articles.slice(0, 3).map((article) => (
          <li key={article.slug}><Link component={RouterLink} to={`/help/${article.slug}`}>{article.title}</Link></li>
        ))}
      </Box>
      <Link component={RouterLink} to={`/help?page=${page}`}>{t('widget.more')}</Link>
    </Box>
  );
}
