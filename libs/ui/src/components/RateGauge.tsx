import { Box, Button, Link, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatDate, formatRate } from '../format/format';
import { useTokens } from '../useTokens';
import { VisuallyHidden } from './VisuallyHidden';

export interface RateGaugeProps {
  label: string;
  value: number | null | undefined;
  date?: string | null;
  reason?: string | null;
  min?: number | null;
  median?: number | null;
  max?: number | null;
  size?: number;
  onExplain?: () => void;
  /** Opens how min, median or max was computed (which territories give it). */
  onExplainStat?: (stat: GaugeStat) => void;
}

export type GaugeStat = 'min' | 'median' | 'max';
const STATS: GaugeStat[] = ['min', 'median', 'max'];

const R = 42;
const CIRC = 2 * Math.PI * R;

/** Ring gauge of a rate; the same facts are written out as text for every user. */
export function RateGauge({ label, value, date, reason, min, median, max, size = 120, onExplain, onExplainStat }: RateGaugeProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const has = value !== null && value !== undefined;
  const pct = has ? Math.min(100, Math.max(0, value)) : 0;
  const hasStats = [min, median, max].some((v) => v !== null && v !== undefined);
  const description = has
    ? t('ui.gauge.alt', { label, value: formatRate(value, lng) })
    : t('ui.gauge.altMissing', { label, reason: reason ?? t('ui.noData') });
  return (
    <Box component="figure" sx={{ m: 0, display: 'flex', gap: 2, alignItems: 'center' }}>
      <svg width={size} height={size} viewBox="0 0 100 100" role="img" aria-label={description}>
        <circle cx="50" cy="50" r={R} fill="none" stroke={tokens.colors.border} strokeWidth="10" />
        {has && (
          <circle cx="50" cy="50" r={R} fill="none" stroke={tokens.colors.primary} strokeWidth="10"
            strokeDasharray={`${(pct / 100) * CIRC} ${CIRC}`} transform="rotate(-90 50 50)" strokeLinecap="butt" />
        )}
        {median !== null && median !== undefined && (
          <line x1="50" y1="2" x2="50" y2="14" stroke={tokens.colors.text} strokeWidth="2"
            transform={`rotate(${(Math.min(100, Math.max(0, median)) / 100) * 360} 50 50)`} />
        )}
        <text x="50" y="55" textAnchor="middle" fontSize="18" fontWeight="700" fill={tokens.colors.text} aria-hidden="true">
          {has ? formatRate(value, lng) : '—'}
        </text>
      </svg>
      <Box component="figcaption">
        <Typography component="p" sx={{ fontWeight: 700 }}>{label}</Typography>
        <Typography component="p" variant="h4">{formatRate(value, lng)}</Typography>
        {!has && <Typography component="p" variant="body2" color="text.secondary">{reason ?? t('ui.noData')}</Typography>}
        {date && <Typography component="p" variant="body2" color="text.secondary">{t('ui.asOf', { date: formatDate(date, lng) })}</Typography>}
        {hasStats && onExplainStat && (
          <Typography component="p" variant="body2" color="text.secondary">
            {STATS.map((stat, i) => {
              const text = formatRate({ min, median, max }[stat], lng);
              const word = t(`ui.gauge.${stat}`);
              return (
                <span key={stat}>
                  {i > 0 && ' · '}{word}{' '}
                  {/* The visible number starts the button's name (WCAG 2.5.3, "label in name"). */}
                  <Link component="button" type="button" onClick={() => onExplainStat(stat)} sx={{ verticalAlign: 'baseline', fontSize: 'inherit' }}>
                    {text}
                    <VisuallyHidden>{` – ${t('ui.explainLabel', { label: `${label}, ${word}` })}`}</VisuallyHidden>
                  </Link>
                </span>
              );
            })}
          </Typography>
        )}
        {hasStats && !onExplainStat && (
          <Typography component="p" variant="body2" color="text.secondary">
            {t('ui.gauge.stats', { min: formatRate(min, lng), median: formatRate(median, lng), max: formatRate(max, lng) })}
          </Typography>
        )}
        {onExplain && (
          <Button size="small" onClick={onExplain} sx={{ px: 0, minWidth: 0 }} aria-label={`${t('ui.explain')} (${label})`}>
            {t('ui.explain')}
          </Button>
        )}
      </Box>
    </Box>
  );
}
