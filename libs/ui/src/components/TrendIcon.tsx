import { Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format/format';
import { useTokens } from '../useTokens';
import { VisuallyHidden } from './VisuallyHidden';

const ARROWS: Record<string, string> = { up: '↗', down: '↘', stable: '→', unknown: '·' };

/** Trend arrow with its meaning in words (visible delta, text for assistive technologies). */
export function TrendIcon({ direction, delta }: { direction: string; delta?: number | null }) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const dir = direction in ARROWS ? direction : 'unknown';
  const color = dir === 'up' ? tokens.colors.success : dir === 'down' ? tokens.colors.error : tokens.colors.textMuted;
  const label = t(`trend.${dir}`);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }} title={label}>
      <Box component="span" aria-hidden="true" sx={{ color, fontWeight: 700, fontSize: '1.1rem' }}>{ARROWS[dir]}</Box>
      <VisuallyHidden>{label}</VisuallyHidden>
      {delta !== null && delta !== undefined && <Box component="span" sx={{ fontSize: '0.85rem', color: 'text.secondary' }}>{delta > 0 ? '+' : ''}{formatNumber(delta, i18n.language, 1)}</Box>}
    </Box>
  );
}
