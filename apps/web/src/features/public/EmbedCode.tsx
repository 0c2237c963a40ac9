import { Box, TextField, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type EmbedKind, embedPath } from './publicApi';

/** "Embed" disclosure: the iframe and the web component snippets for a public chart, map, gauge or table. */
export function EmbedCode({ kind, id, territory, title }: { kind: EmbedKind; id: string; territory?: string | null; title: string }) {
  const { t, i18n } = useTranslation('core');
  const uid = useId();
  const origin = window.location.origin;
  const src = `${origin}${embedPath(kind, id, territory, i18n.language)}`;
  const safeTitle = title.replace(/"/g, '&quot;');
  const iframe = `<iframe src="${src}" title="${safeTitle}" width="100%" height="420" style="border:0" loading="lazy"></iframe>`;
  const component = `<script src="${origin}/embed.js" async></script>\n<pilote-embed src="${src}" title="${safeTitle}"></pilote-embed>`;
  return (
    <Box component="details" sx={{ mt: 1 }}>
      <Box component="summary" sx={{ cursor: 'pointer' }}>{t('public.embed.summary', { kind: t(`public.embed.kinds.${kind}`) })}</Box>
      <TextField id={`${uid}-iframe`} label={t('public.embed.iframe')} value={iframe} multiline fullWidth size="small" sx={{ mt: 1 }}
        slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace', fontSize: 12 } } }} />
      <TextField id={`${uid}-component`} label={t('public.embed.component')} value={component} multiline fullWidth size="small" sx={{ mt: 1 }}
        slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace', fontSize: 12 } } }} />
      <Typography variant="body2" sx={{ mt: 1 }}>{t('public.embed.hostTheme')}</Typography>
    </Box>
  );
}
