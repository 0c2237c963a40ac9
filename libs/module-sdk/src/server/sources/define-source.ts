import type { SourceConnector } from './source-connector.types';

/** Types a source connector (identity function): its settings type flows from its schema into `records`. */
export function defineSource<Settings>(source: SourceConnector<Settings>): SourceConnector<Settings> {
  return source;
}
