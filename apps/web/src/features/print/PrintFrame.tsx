import { Box, Typography } from '@mui/material';
import { formatDate, useTokens } from '@pilote/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { instanceName, useInstance } from '../../instance/InstanceContext';

/**
 * A fiche made for paper (A4): the instance's logo and name, a title, the content, then the date.
 * `state` is read by the server's renderer (ADR 046): it prints only once the page says `ready`,
 * and refuses to print a page that says `error` (not found, no right to read it).
 */
export function PrintFrame({ title, subtitle, state, errorCode, children }: { title: string; subtitle?: string; state: 'loading' | 'ready' | 'error'; errorCode?: string; children?: ReactNode }) {
  const { t, i18n } = useTranslation('core');
  const instance = useInstance();
  const tokens = useTokens();
  const name = instanceName(instance, i18n.language);
  const logo = tokens.logos.light;
  return (
    <Box component="main" id="main" data-print-state={state} data-print-error={errorCode}
      sx={{ maxWidth: '180mm', mx: 'auto', p: 2, bgcolor: 'background.paper', color: 'text.primary', fontSize: 14,
        '@media print': { p: 0, maxWidth: 'none' }, '& section, & figure, & table': { breakInside: 'avoid' } }}>
      {/* On paper the page's own colour is the sheet's: no body background is printed. */}
      <style>{'@page { size: A4; margin: 14mm 12mm 16mm; } @media print { body { background: none; } }'}</style>
      <Box component="header" sx={{ display: 'flex', alignItems: 'center', gap: 2, borderBottom: 2, borderColor: 'primary.main', pb: 1, mb: 2 }}>
        {logo && <img src={logo} alt="" height={36} />}
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="body2" color="text.secondary">{name}</Typography>
          <Typography component="h1" variant="h2" sx={{ m: 0 }}>{title}</Typography>
          {subtitle && <Typography variant="body2">{subtitle}</Typography>}
        </Box>
      </Box>
      {children}
      <Typography component="p" variant="body2" color="text.secondary" sx={{ mt: 3 }}>
        {t('fiche.generatedOn', { date: formatDate(new Date().toISOString().slice(0, 10), i18n.language), name })}
      </Typography>
    </Box>
  );
}

/** Numbered notes at the end of the fiche: "how is it computed" for each figure that has one. */
export function Footnotes({ notes }: { notes: { id: string; text: string }[] }) {
  const { t } = useTranslation('core');
  if (notes.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="fiche-notes" sx={{ mt: 3, borderTop: 1, borderColor: 'divider', pt: 1 }}>
      <Typography id="fiche-notes" component="h2" variant="h4">{t('fiche.notes')}</Typography>
      <Box component="ol" sx={{ pl: 3, m: 0, fontSize: 12 }}>
        {notes.map((note) => <li key={note.id} id={`note-${note.id}`}>{note.text}</li>)}
      </Box>
    </Box>
  );
}

/** A superscript call to a footnote, e.g. ¹ after a figure. */
export function NoteRef({ n }: { n: number }) {
  return <sup>{n}</sup>;
}
