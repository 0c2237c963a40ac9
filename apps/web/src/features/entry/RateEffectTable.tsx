import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatRate } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../tables/TableScroll';
import type { RateEffect } from './entryTypes';

/** Rates before → after, for the effect of proposals (entry page) or of a file (import wizard). */
export function RateEffectTable({ rows, title, description, empty }: { rows: RateEffect[]; title: string; description?: string; empty: string }) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="effect-title">
      <Typography id="effect-title" component="h2" variant="h2" gutterBottom>{title}</Typography>
      {description && <Typography variant="body2" color="text.secondary" gutterBottom>{description}</Typography>}
      {rows.length === 0 ? <Typography color="text.secondary">{empty}</Typography> : (
        <TableScroll label={title}><Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('entry.scope.policy')} / {t('entry.scope.indicator')}</TableCell>
              <TableCell>{t('entry.territory')}</TableCell>
              <TableCell align="right">{t('entry.before')}</TableCell>
              <TableCell align="right">{t('entry.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={`${row.scope}|${row.id}|${row.territoryCode}`} selected={row.changed}>
                <TableCell>{t(`entry.scope.${row.scope}`)} · {row.name}</TableCell>
                <TableCell>{row.territoryName}</TableCell>
                <TableCell align="right">{formatRate(row.before?.global ?? null, lng)}</TableCell>
                <TableCell align="right"><strong>{formatRate(row.after.global, lng)}</strong></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table></TableScroll>
      )}
    </Paper>
  );
}
