/**
 * Frictionless Table Schemas (https://specs.frictionlessdata.io/table-schema/) of the public
 * open-data files. The CSV columns are written in this order, so a file and its schema cannot
 * drift apart (public-data.controller.ts).
 */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'date' | 'boolean';
  title: string;
  description: string;
  constraints?: Record<string, unknown>;
}

export interface TableSchema {
  fields: TableField[];
  primaryKey: string[];
  missingValues: string[];
}

const territory: TableField[] = [
  { name: 'territory_code', type: 'string', title: 'Territory code', description: 'FRANCE, R84 (région), D69 (département)…', constraints: { required: true } },
  { name: 'territory_name', type: 'string', title: 'Territory name', description: 'Official name of the territory' },
  { name: 'level', type: 'string', title: 'Level', description: 'Territory level id of the instance (NAT, REG, DEPT…)' },
];
const rate = (name: string, title: string, description: string): TableField => ({ name, type: 'number', title, description, constraints: { minimum: 0, maximum: 100 } });

export const TABLE_SCHEMAS = {
  values: {
    fields: [
      { name: 'indicator_id', type: 'string', title: 'Indicator', description: 'Stable id of the indicator', constraints: { required: true } },
      ...territory,
      { name: 'date', type: 'date', title: 'Date', description: 'Date the value refers to (YYYY-MM-DD)', constraints: { required: true } },
      { name: 'kind', type: 'string', title: 'Kind', description: 'VI initial value, VA current value, VC target, VC_INTERMEDIATE intermediate target', constraints: { enum: ['VI', 'VA', 'VC', 'VC_INTERMEDIATE'] } },
      { name: 'value', type: 'number', title: 'Value', description: 'In the unit of the indicator', constraints: { required: true } },
      { name: 'aggregated', type: 'boolean', title: 'Aggregated', description: 'true: computed from the level below (sum, mean…), not entered' },
    ],
    primaryKey: ['indicator_id', 'territory_code', 'date', 'kind'],
    missingValues: [''],
  },
  'indicator-rates': {
    fields: [
      { name: 'indicator_id', type: 'string', title: 'Indicator', description: 'Stable id of the indicator', constraints: { required: true } },
      ...territory,
      { name: 'initial_value', type: 'number', title: 'Initial value (VI)', description: 'Value the progress is measured from' },
      { name: 'initial_date', type: 'date', title: 'Initial value date', description: 'Date of the initial value' },
      { name: 'current_value', type: 'number', title: 'Current value (VA)', description: 'Latest published value' },
      { name: 'current_date', type: 'date', title: 'Current value date', description: 'Date of the latest published value' },
      { name: 'current_aggregated', type: 'boolean', title: 'Current value aggregated', description: 'true: the current value is computed from the level below' },
      { name: 'global_target', type: 'number', title: 'Target (VC)', description: 'Final target' },
      { name: 'global_target_date', type: 'date', title: 'Target date', description: 'Date of the final target' },
      rate('annual_rate', 'Annual rate (%)', 'Progress towards the current year’s target, empty when it cannot be computed'),
      rate('global_rate', 'Global rate (%)', 'Progress towards the final target, empty when it cannot be computed'),
      { name: 'updated_on', type: 'date', title: 'Updated on', description: 'When the figures were last recomputed' },
    ],
    primaryKey: ['indicator_id', 'territory_code'],
    missingValues: [''],
  },
  'policy-rates': {
    fields: [
      { name: 'policy_id', type: 'string', title: 'Policy', description: 'Stable id of the policy', constraints: { required: true } },
      ...territory,
      rate('annual_rate', 'Annual rate (%)', 'Weighted mean of the indicators’ annual rates'),
      rate('global_rate', 'Global rate (%)', 'Weighted mean of the indicators’ global rates'),
      { name: 'rate_date', type: 'date', title: 'Rate date', description: 'Date of the latest value in the rate' },
      { name: 'updated_on', type: 'date', title: 'Updated on', description: 'When the figures were last recomputed' },
    ],
    primaryKey: ['policy_id', 'territory_code'],
    missingValues: [''],
  },
} satisfies Record<string, TableSchema>;

export type TableName = keyof typeof TABLE_SCHEMAS;

export function columnsOf(table: TableName): string[] {
  return TABLE_SCHEMAS[table].fields.map((field) => field.name);
}
