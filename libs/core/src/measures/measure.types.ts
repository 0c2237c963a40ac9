export type MeasureKind = 'VI' | 'VA' | 'VC' | 'VC_INTERMEDIATE';
export type MeasureProvenance = 'import' | 'connector' | 'user' | 'seed';

export interface NewMeasure {
  indicatorId: string;
  territoryCode: string;
  date: string;
  kind: MeasureKind;
  value: number;
}
