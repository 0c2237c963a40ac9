import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, TextField, Typography } from '@mui/material';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { filterRows, sortRows, type DataColumn, type SortState } from './dataTable';
import { VisuallyHidden } from './VisuallyHidden';

export interface DataTableProps<T> {
  caption: string;
  columns: DataColumn<T>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** Controlled sort (e.g. kept in the URL); uncontrolled when omitted. */
  sort?: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  search?: string;
  onSearchChange?: (search: string) => void;
  searchable?: boolean;
  toolbar?: ReactNode;
  empty?: ReactNode;
  dense?: boolean;
}

/** Sortable, searchable table: real `<table>` semantics, sort buttons in headers, live result count. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, getRowId, searchable = true, toolbar, empty, dense } = props;
  const { t, i18n } = useTranslation('core');
  const [innerSort, setInnerSort] = useState<SortState | null>(null);
  const [innerSearch, setInnerSearch] = useState('');
  const sort = props.sort !== undefined ? props.sort : innerSort;
  const search = props.search !== undefined ? props.search : innerSearch;
  const setSort = (next: SortState | null) => (props.onSortChange ? props.onSortChange(next) : setInnerSort(next));
  const setSearch = (next: string) => (props.onSearchChange ? props.onSearchChange(next) : setInnerSearch(next));
  const searchId = useId();

  const visible = useMemo(
    () => sortRows(filterRows(rows, columns, search), columns, sort, i18n.language),
    [rows, columns, search, sort, i18n.language],
  );

  const toggleSort = (columnId: string) => {
    if (sort?.columnId !== columnId) setSort({ columnId, direction: 'asc' });
    else if (sort.direction === 'asc') setSort({ columnId, direction: 'desc' });
    else setSort(null);
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }}>
        {searchable && (
          <TextField id={searchId} size="small" type="search" label={t('ui.table.search')} value={search}
            onChange={(e) => setSearch(e.target.value)} sx={{ minWidth: 260 }} />
        )}
        <Typography role="status" aria-live="polite" variant="body2" color="text.secondary">
          {t('ui.table.count', { count: visible.length, total: rows.length })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {toolbar}
      </Box>
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: '100%', overflowX: 'auto' }}>
        <Table size={dense ? 'small' : 'medium'}>
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 8, fontWeight: 700 }}>{caption}</caption>
          <TableHead>
            <TableRow>
              {columns.map((column) => {
                const active = sort?.columnId === column.id;
                return (
                  <TableCell key={column.id} component="th" scope="col" align={column.align}
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : column.sortable === false ? undefined : 'none'}>
                    {column.sortable === false ? column.header : (
                      <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => toggleSort(column.id)}>
                        {column.header}
                        <VisuallyHidden>
                          {active ? t(sort.direction === 'asc' ? 'ui.table.sortedAsc' : 'ui.table.sortedDesc') : t('ui.table.sortable')}
                        </VisuallyHidden>
                      </TableSortLabel>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {visible.map((row) => (
              <TableRow key={getRowId(row)} hover>
                {columns.map((column) => (
                  <TableCell key={column.id} align={column.align} component={column.rowHeader ? 'th' : 'td'} scope={column.rowHeader ? 'row' : undefined}>
                    {column.render ? column.render(row) : (column.value(row) ?? '—')}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {visible.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length}>
                  {empty ?? (rows.length > 0 ? t('ui.table.noMatch', { search }) : t('ui.empty.title'))}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}
