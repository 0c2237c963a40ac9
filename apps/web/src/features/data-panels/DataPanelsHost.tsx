import { registerWidget, type ZoneWidgetProps } from '@pilote/ui';
import { useEffect } from 'react';
import { useQuery } from '../../api/useQuery';
import { DATA_PANELS_QUERY, dataPanelOf } from './dataPanelsApi';
import { DataPanelWidget } from './DataPanelWidget';

/** Places the instance's data panels in their zones, after the modules' own widgets. */
export function DataPanelsHost() {
  const { data } = useQuery(DATA_PANELS_QUERY);
  useEffect(() => {
    const undo = (data?.dataPanels ?? []).map(dataPanelOf).map((panel) => {
      const Widget = (props: ZoneWidgetProps) => <DataPanelWidget panel={panel} {...props} />;
      Widget.displayName = `DataPanel(${panel.id})`;
      return registerWidget(panel.zone, Widget, { id: `data-panel.${panel.id}`, order: 200 });
    });
    return () => undo.forEach((fn) => fn());
  }, [data]);
  return null;
}
