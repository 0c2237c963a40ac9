import { formatGap, VisuallyHidden } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { rateDelta } from './asOfDates';

/**
 * One row's change since the end of the previous period (ADR 042), as the headline's: a signed
 * delta in points with its direction in words for screen readers; "—" when either side has no rate.
 */
export function AsOfRowDelta({ now, before }: { now: number | null | undefined; before: number | null | undefined }) {
  const { t, i18n } = useTranslation('core');
  const delta = rateDelta(now, before);
  if (!delta) {
    return (
      <span data-testid="as-of-row-delta">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t('asOf.rowNoComparison')}</VisuallyHidden>
      </span>
    );
  }
  const arrow = delta.direction === 'up' ? '▲' : delta.direction === 'down' ? '▼' : '=';
  return (
    <span data-testid="as-of-row-delta" data-direction={delta.direction}>
      <span aria-hidden="true">{arrow} </span>
      {formatGap(delta.delta, i18n.language, t('asOf.points'))}
      <VisuallyHidden>{` (${t(`asOf.direction.${delta.direction}`)})`}</VisuallyHidden>
    </span>
  );
}
