import { Box, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatDate, formatNumber } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import type { DatedValue, Indicator, Rate } from '../../api/types';
import { ExplainLink } from '../explain/ExplainLink';
import { RateCell } from '../explain/RateCell';
import { TableScroll } from '../tables/TableScroll';

/** What IndicatorValues shows of an indicator at a territory (the policy page's block and the indicator page). */
export interface IndicatorValuesData {
  initial: DatedValue | null; current: DatedValue | null; annualTarget: DatedValue | null; globalTarget: DatedValue | null;
  globalRate: Rate; annualRate: Rate; weight: number | null;
}

/** A value of the indicator; the number opens how it was obtained (entered, or aggregated from the territories below). */
function ValueRow({ label, value, explanationId }: { label: string; value: DatedValue | null; explanationId: string }) {
  const { t, i18n } = useTranslation('core');
  return (
    <TableRow>
      <TableCell component="th" scope="row">{label}</TableCell>
      <TableCell align="right">{value ? <ExplainLink explanationId={explanationId} label={label}>{formatNumber(value.value, i18n.language)}</ExplainLink> : '—'}</TableCell>
      <TableCell>{value ? formatDate(value.date, i18n.language) : '—'}</TableCell>
      <TableCell>{value?.provenance ? t(`provenance.${value.provenance}`, { defaultValue: value.provenance }) : '—'}</TableCell>
    </TableRow>
  );
}

/** The indicator's initial and current values and its targets at a territory, then its rates and weight; every number opens its explanation. */
export function IndicatorValues({ indicator, territoryCode, data }: { indicator: Indicator; territoryCode: string; data: IndicatorValuesData }) {
  const { t, i18n } = useTranslation('core');
  // Explanation ids of the indicator's values here (libs/core computation/explanation-ids.ts).
  const valueId = (kind: 'initial' | 'current' | 'annual-target' | 'global-target') => `indicator:${indicator.id}:${territoryCode}:${kind}`;
  return (
    <>
      <TableScroll label={t('policy.valuesOf', { name: indicator.name })}><Table size="small">
        <caption style={{ position: 'absolute', left: -10000 }}>{t('policy.valuesOf', { name: indicator.name })}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{t('policy.valueKind')}</TableCell>
            <TableCell component="th" scope="col" align="right">{t('chart.value')} ({indicator.unit})</TableCell>
            <TableCell component="th" scope="col">{t('chart.date')}</TableCell>
            <TableCell component="th" scope="col">{t('ui.explainPanel.provenance')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <ValueRow label={t('valueKinds.VI')} value={data.initial} explanationId={valueId('initial')} />
          <ValueRow label={t('valueKinds.VA')} value={data.current} explanationId={valueId('current')} />
          <ValueRow label={t('policy.annualTarget')} value={data.annualTarget} explanationId={valueId('annual-target')} />
          <ValueRow label={t('policy.globalTarget')} value={data.globalTarget} explanationId={valueId('global-target')} />
        </TableBody>
      </Table></TableScroll>
      <Box sx={{ display: 'flex', gap: 3, mt: 1.5, flexWrap: 'wrap', alignItems: 'baseline' }}>
        <span>{t('table.globalRate')} : <RateCell rate={data.globalRate} label={`${t('table.globalRate')} – ${indicator.name}`} /></span>
        <span>{t('table.annualRate')} : <RateCell rate={data.annualRate} label={`${t('table.annualRate')} – ${indicator.name}`} /></span>
        <span>{t('policy.weight')} : <strong>{formatNumber(data.weight, i18n.language)}</strong></span>
      </Box>
    </>
  );
}
