import { formatNumber, useTokens } from '@pilote/module-sdk/web';
import { useTranslation } from 'react-i18next';
import type { AreaScale } from './area-scale';

/** The colour steps, then the hatched "no data" swatch (drawn with the map's own pattern). */
export function AreaLegend({ scale, unit, patternId }: { scale: AreaScale; unit?: string; patternId: string }) {
  const tokens = useTokens();
  const { t, i18n } = useTranslation('map');
  const swatch = { width: 16, height: 16, display: 'inline-block', border: `1px solid ${tokens.colors.border}` } as const;
  const digits = unit === '%' ? 0 : 1;
  return (
    <ul aria-label={t('legend')} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, listStyle: 'none', padding: 0, margin: '8px 0 0', fontSize: '0.85rem' }}>
      {scale.steps.map((step) => (
        <li key={step.from} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
          <span style={{ ...swatch, background: step.color }} />
          {formatNumber(step.from, i18n.language, digits)}–{formatNumber(step.to, i18n.language, digits)}{unit ? `\u00a0${unit}` : ''}
        </li>
      ))}
      <li style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <svg width="16" height="16" aria-hidden="true"><rect width="16" height="16" fill={`url(#${patternId})`} stroke={tokens.colors.border} /></svg>
        {t('noData')}
      </li>
    </ul>
  );
}
