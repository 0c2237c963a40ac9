import { z } from 'zod';

export const MEASURE_KINDS = ['VI', 'VA', 'VC', 'VC_INTERMEDIATE'] as const;
const kind = z.enum(MEASURE_KINDS);

/**
 * How the columns of a file map to measures. Long layout: one value per row, with a kind
 * column (`columns.kind` + `columns.value`, `kinds` maps the file's codes). Wide layout: one
 * column per kind (`values`), an empty cell meaning "no value of that kind on this row".
 */
export const columnMappingSchema = z
  .object({
    id: z.string().min(1),
    description: z.string().optional(),
    columns: z.object({
      indicator: z.string().min(1),
      territory: z.string().min(1),
      date: z.string().min(1),
      kind: z.string().min(1).optional(),
      value: z.string().min(1).optional(),
    }),
    kinds: z.record(z.string().min(1), kind).optional(),
    values: z.partialRecord(kind, z.string().min(1)).optional(),
    /** Columns present in the files and deliberately not imported (documentation only). */
    ignored: z.array(z.string()).default([]),
  })
  .refine((m) => (m.columns.kind && m.columns.value) || (m.values && Object.keys(m.values).length > 0), {
    message: 'give either columns.kind + columns.value (long layout) or values (wide layout: one column per kind)',
  })
  .refine((m) => !(m.columns.kind && m.values), { message: 'a mapping is long (columns.kind) or wide (values), not both' });

export type ColumnMapping = z.output<typeof columnMappingSchema>;
