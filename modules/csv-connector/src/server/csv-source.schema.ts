import { z } from 'zod';

const column = z.object({
  type: z.enum(['number', 'string', 'time', 'territory']),
  unit: z.string().optional(),
  /** Field name in the frame (default: the column header). */
  name: z.string().optional(),
});

/** What one read is about: which file, and optionally the type of each column. */
export const csvSourceSchema = z.object({
  /** `https://…` / `http://…` URL, or a file path (absolute, or relative to the working folder). */
  source: z.string().min(1),
  format: z.enum(['auto', 'csv', 'xlsx']).default('auto'),
  /** XLSX: sheet name (default: the first sheet). */
  sheet: z.string().optional(),
  /** CSV: `;`, `,` or tab (default: detected from the header). */
  delimiter: z.enum([';', ',', '\t']).optional(),
  /** Columns to keep, by header, with their type; others are dropped. Default: every column, types inferred. */
  columns: z.record(z.string(), column).optional(),
});

export type CsvSource = z.output<typeof csvSourceSchema>;
export type CsvSourceInput = z.input<typeof csvSourceSchema>;
