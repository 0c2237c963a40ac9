import { Typography } from '@mui/material';
import { formatDate, formatGap } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { rateDelta } from './asOfDates';

/** "+4 pts depuis le 31 déc. 2025": a rate compared with the end of the previous period, its direction in words for screen readers. */
export function AsOfDelta({ now, before, since }: { now: number | null | undefined; before: number | null | undefined; since: string }) {
  const { t, i18n } = useTranslation();
  const date = formatDate(since, i18n.language);
  const delta = rateDelta(now, before);
  if (!delta) return <Typography variant="body2" color="text.secondary" data-testid="as-of-delta">{t('asOf.noComparison', { date })}</Typography>;
  const arrow = delta.direction === 'up' ? '▲' : delta.direction === 'down' ? '▼' : '=';
  return (
    <Typography variant="body2" data-testid="as-of-delta" data-direction={delta.direction}>
      <span aria-hidden="true">{arrow} </span>
      {t('asOf.delta', { delta: delta.delta === 0 ? formatGap(0, i18n.language, t('asOf.points')) : formatGap(delta.delta, i18n.language, t('asOf.points')), date })}
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{` (${t(`asOf.direction.${delta.direction}`)})`}</span>
    </Typography>
  );
}
