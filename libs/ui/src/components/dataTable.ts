export type SortDirection = 'asc' | 'desc';
export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export type CellValue = string | number | null | undefined;

export interface DataColumn<T> {
  id: string;
  header: string;
  /** Value used to sort, search and export. */
  value: (row: T) => CellValue;
  /** Rendering of the cell; defaults to the value. */
  render?: (row: T) => React.ReactNode;
  sortable?: boolean;
  searchable?: boolean;
  align?: 'left' | 'right' | 'center';
  /** Heading cell of the row (rendered as `<th scope="row">`). */
  rowHeader?: boolean;
}

/** Lower-cased, accent-free text, so that "meteo" finds "Météo". */
export function normalizeText(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Rows whose searchable cells contain every word of the query. */
export function filterRows<T>(rows: T[], columns: DataColumn<T>[], query: string): T[] {
  const words = normalizeText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  const searchable = columns.filter((c) => c.searchable !== false);
  return rows.filter((row) => {
    const haystack = normalizeText(searchable.map((c) => String(c.value(row) ?? '')).join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** Stable sort; missing values always go last, whatever the direction. */
export function sortRows<T>(rows: T[], columns: DataColumn<T>[], sort: SortState | null | undefined, locale = 'fr'): T[] {
  if (!sort) return rows;
  const column = columns.find((c) => c.id === sort.columnId);
  if (!column) return rows;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const factor = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const am = a.value === null || a.value === undefined || a.value === '';
      const bm = b.value === null || b.value === undefined || b.value === '';
      if (am || bm) return am && bm ? a.index - b.index : am ? 1 : -1;
      const cmp = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return cmp === 0 ? a.index - b.index : cmp * factor;
    })
    .map((x) => x.row);
}

export function parseSort(value: string | null | undefined): SortState | null {
  if (!value) return null;
  const [columnId, direction] = value.split(':');
  if (!columnId) return null;
  return { columnId, direction: direction === 'desc' ? 'desc' : 'asc' };
}

export function formatSort(sort: SortState | null): string | null {
  return sort ? `${sort.columnId}:${sort.direction}` : null;
}
