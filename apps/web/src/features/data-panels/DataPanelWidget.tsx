import { Box, Paper, Typography } from '@mui/material';
import { Visualise } from '@pilote/module-sdk/web';
import { EmptyState, ErrorState, LoadingState, type ZoneWidgetProps } from '@pilote/ui';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { localize } from '../../instance/InstanceContext';
import { DATA_PANEL_FRAME_QUERY, type DataPanel, dataFrameOf } from './dataPanelsApi';
import { FrameTable } from './FrameTable';

/** One data panel in its zone: the connector's rows for the territory on screen, drawn by the chosen visualisation. */
export function DataPanelWidget({ panel, context }: { panel: DataPanel } & ZoneWidgetProps) {
  const { t, i18n } = useTranslation('core');
  const lng = i18n.language;
  const territoryCode = typeof context.territoryCode === 'string' ? context.territoryCode : null;
  const skip = panel.byTerritory && !territoryCode;
  const { data, loading, error, refetch } = useQuery(DATA_PANEL_FRAME_QUERY, { panelId: panel.id, territoryCode }, { skip });
  const title = localize(panel.title, lng, panel.id);
  const headingId = `data-panel-${panel.id}`;
  if (skip) return null;
  const answer = data?.dataPanelFrame;
  const frame = answer ? dataFrameOf(answer.frame) : null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2, display: 'grid', gap: 1 }}>
      <Typography id={headingId} component="h2" variant="h2">{title}</Typography>
      {panel.description && <Typography color="text.secondary">{localize(panel.description, lng)}</Typography>}
      {loading && !answer && <LoadingState />}
      {Boolean(error) && !answer && <ErrorState error={error} title={t('dataPanels.error')} action={{ label: t('app.retry'), onClick: refetch }} />}
      {answer && answer.rows === 0 && <EmptyState title={t('dataPanels.emptyTitle')} description={t('dataPanels.emptyDescription')} />}
      {answer && answer.rows > 0 && !frame && <ErrorState title={t('dataPanels.error')} action={{ label: t('app.retry'), onClick: refetch }} />}
      {answer && answer.rows > 0 && frame && (
        <Visualise frame={frame} title={title} use={panel.visualisation}
          fallback={<FrameTable frame={frame} caption={title} />} />
      )}
      {panel.source && <Box component="p" sx={{ m: 0, typography: 'body2', color: 'text.secondary' }}>{t('dataPanels.source', { source: localize(panel.source, lng) })}</Box>}
    </Paper>
  );
}
