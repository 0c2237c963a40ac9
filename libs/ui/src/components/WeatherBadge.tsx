import { Box } from '@mui/material';
import { readableOn, type WeatherTone } from '@pilote/theme-engine';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format/format';
import { useTokens } from '../useTokens';

export type WeatherLevelId = 'SUNNY' | 'CLOUDY' | 'RAINY' | 'STORMY' | 'NOT_FILLED' | 'NOT_NEEDED';

export const weatherTone: Record<string, WeatherTone> = {
  SUNNY: 'sunny', CLOUDY: 'cloudy', RAINY: 'rainy', STORMY: 'stormy', NOT_FILLED: 'notFilled', NOT_NEEDED: 'notNeeded',
};

const ICONS: Record<WeatherTone, string> = {
  sunny: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11 1h2v3h-2zm0 19h2v3h-2zM1 11h3v2H1zm19 0h3v2h-3z',
  cloudy: 'M19 18H6a4 4 0 0 1-.5-7.97A6 6 0 0 1 17 9a4.5 4.5 0 0 1 2 9z',
  rainy: 'M18 14H6a4 4 0 0 1-.5-7.97A6 6 0 0 1 17 5a4.5 4.5 0 0 1 1 9zM7 16h2l-1 5H6zm5 0h2l-1 5h-2zm5 0h2l-1 5h-2z',
  stormy: 'M18 13H6a4 4 0 0 1-.5-7.97A6 6 0 0 1 17 4a4.5 4.5 0 0 1 1 9zM13 14l-4 6h3l-1 4 5-7h-3l1-3z',
  notFilled: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 2a7 7 0 1 1 0 14 7 7 0 0 1 0-14z',
  notNeeded: 'M5 11h14v2H5z',
};

export interface WeatherBadgeProps {
  level: string | null | undefined;
  /** Instance label for the level (from `instance.weatherLevels`); falls back to the kit's texts. */
  label?: string;
  date?: string | null;
  compact?: boolean;
}

/** Weather (météo) level shown with colour, icon and words, so colour is never the only cue. */
export function WeatherBadge({ level, label, date, compact }: WeatherBadgeProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const id = level ?? 'NOT_FILLED';
  const tone = weatherTone[id] ?? 'notFilled';
  const bg = tokens.weather[tone] ?? tokens.weather.notFilled;
  const fg = readableOn(bg, [tokens.colors.text, tokens.colors.background]);
  const text = label ?? t(`weather.${id}`, { defaultValue: id });
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
      <Box component="span" data-tone={tone}
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, bgcolor: bg, color: fg, borderRadius: `${tokens.radius}px`, px: 0.75, py: 0.25, fontSize: '0.85rem', fontWeight: 600, border: `1px solid ${tokens.colors.border}` }}>
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={ICONS[tone]} fill="currentColor" /></svg>
        {text}
      </Box>
      {!compact && date && <Box component="span" sx={{ color: 'text.secondary', fontSize: '0.8rem' }}>{formatDate(date, i18n.language)}</Box>}
    </Box>
  );
}
