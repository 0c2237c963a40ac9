/** The part of Frictionless Table Schema this kit reads (https://specs.frictionlessdata.io/table-schema/). */
export interface TableSchemaField {
  name: string;
  title?: string;
  description?: string;
  type: 'string' | 'number' | 'integer' | 'date';
  format?: string;
  decimalChar?: string;
  groupChar?: string;
  constraints?: {
    required?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

export interface TableSchema {
  name?: string;
  title?: string;
  description?: string;
  fields: TableSchemaField[];
  missingValues?: string[];
  primaryKey?: string[];
}
