import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { PILOTE_COLUMNS } from '../schema/pilote-schema';
import { csvCell, neutraliseFormula } from './neutralise-formula';

export interface ExportFilter {
  indicatorIds?: string[];
  territoryCodes?: string[];
}

const PAGE = 10_000;
const KIND_CODES: Record<string, string> = { VI: 'vi', VA: 'va', VC: 'vc', VC_INTERMEDIATE: 'vc_intermediaire' };

interface ExportRow {
  indicator_id: string;
  territory_code: string;
  territory_name: string;
  date: string;
  kind: string;
  value: number;
}

/**
 * Writes the published entered values in PILOTE's import format (`;`, decimal comma, ISO dates,
 * UTF-8 with BOM so that Excel reads accents): the latest value per indicator × territory × date
 * × kind, i.e. what the rates are computed from. Pages through the table by key, so memory does
 * not grow with the export. Aggregated values are not exported: they are recomputed on import.
 */
export async function exportMeasures(dataSource: DataSource, output: Writable, filter: ExportFilter = {}): Promise<{ rows: number }> {
  const write = async (text: string) => {
    if (!output.write(text)) await once(output, 'drain');
  };
  await write(`\uFEFF${PILOTE_COLUMNS.join(';')}\r\n`);
  let rows = 0;
  let after: [string, string, string, string] = ['', '', '', '0001-01-01'];
  for (;;) {
    const page = (await dataSource.query(
      `SELECT DISTINCT ON (m.indicator_id, m.territory_code, m.kind, m.date)
              m.indicator_id, m.territory_code, t.name AS territory_name, to_char(m.date, 'YYYY-MM-DD') AS date, m.kind, m.value
       FROM measure m JOIN territory t ON t.code = m.territory_code
       WHERE m.state = 'published'
         AND ($1::text[] IS NULL OR m.indicator_id = ANY($1::text[]))
         AND ($2::text[] IS NULL OR m.territory_code = ANY($2::text[]))
         AND (m.indicator_id, m.territory_code, m.kind, m.date) > ($3, $4, $5, $6::date)
       ORDER BY m.indicator_id, m.territory_code, m.kind, m.date, m.id DESC
       LIMIT ${PAGE}`,
      [filter.indicatorIds?.length ? filter.indicatorIds : null, filter.territoryCodes?.length ? filter.territoryCodes : null, ...after],
    )) as ExportRow[];
    let text = '';
    for (const row of page) {
      const cells = [row.indicator_id, row.territory_code, row.territory_name, row.date, KIND_CODES[row.kind] ?? row.kind];
      text += `${cells.map((cell) => csvCell(neutraliseFormula(cell), ';')).join(';')};${formatValue(Number(row.value))}\r\n`;
    }
    if (text) await write(text);
    rows += page.length;
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = [last.indicator_id, last.territory_code, last.kind, last.date];
  }
  return { rows };
}

export async function exportMeasuresToFile(dataSource: DataSource, file: string, filter: ExportFilter = {}): Promise<{ rows: number }> {
  const output = createWriteStream(file);
  try {
    const result = await exportMeasures(dataSource, output, filter);
    output.end();
    await once(output, 'finish');
    return result;
  } catch (error) {
    output.destroy();
    throw error;
  }
}

/** Shortest text that reads back to the same double, with a decimal comma. */
function formatValue(value: number): string {
  return String(value).replace('.', ',');
}
