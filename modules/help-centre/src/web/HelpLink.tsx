import { Box, Link, Typography } from '@mui/material';
import { useModuleQuery, useModuleSettings, zonePage, type ZoneId, type ZoneWidgetProps } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { HelpCentreSettings } from '../common/manifest';
import { HELP_ARTICLES_QUERY, NAMESPACE, type HelpArticleSummary } from './help-queries';

const DEFAULT_ARTICLES = 3;

/**
 * Contextual help: the articles written for the page this zone belongs to; nothing when there are
 * none, or when the settings leave this page out (`contextualPages`, `contextualArticles`).
 */
export function HelpLink({ zoneId }: ZoneWidgetProps) {
  const { t, i18n } = useTranslation(NAMESPACE);
  const settings = useModuleSettings<HelpCentreSettings>(NAMESPACE);
  const page = zonePage(zoneId as ZoneId);
  const shown = !settings.contextualPages || (settings.contextualPages as readonly string[]).includes(page);
  const { data } = useModuleQuery<{ helpArticles: HelpArticleSummary[] }>(HELP_ARTICLES_QUERY, { page, locale: i18n.language.split('-')[0] }, { skip: !shown });
  const articles = data?.helpArticles ?? [];
  if (!shown || articles.length === 0) return null;
  return (
    <Box component="aside" aria-labelledby={`help-${zoneId}`} className="no-print" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }}>
      <Typography id={`help-${zoneId}`} component="h2" variant="h6">{t('widget.title')}</Typography>
      <Box component="ul" sx={{ pl: 2, my: 1 }}>
        {articles.slice(0, settings.contextualArticles ?? DEFAULT_ARTICLES).map((article) => (
          <li key={article.slug}><Link component={RouterLink} to={`/help/${article.slug}`}>{article.title}</Link></li>
        ))}
      </Box>
      <Link component={RouterLink} to={`/help?page=${page}`}>{t('widget.more')}</Link>
    </Box>
  );
}
