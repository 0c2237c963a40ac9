import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import { DataTable } from './DataTable';
import { filterRows, sortRows, type DataColumn } from './dataTable';

interface Row { id: string; name: string; rate: number | null }
const rows: Row[] = [
  { id: 'a', name: 'Rénovation énergétique', rate: 40 },
  { id: 'b', name: 'Fibre optique', rate: null },
  { id: 'c', name: 'Apprentissage', rate: 90 },
  { id: 'd', name: 'Écoles', rate: 5 },
];
const columns: DataColumn<Row>[] = [
  { id: 'name', header: 'Name', value: (r) => r.name, rowHeader: true },
  { id: 'rate', header: 'Rate', value: (r) => r.rate, searchable: false },
];
const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);

describe('sortRows / filterRows', () => {
  it('sorts numbers both ways and keeps missing values last', () => {
    expect(sortRows(rows, columns, { columnId: 'rate', direction: 'asc' }).map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortRows(rows, columns, { columnId: 'rate', direction: 'desc' }).map((r) => r.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('sorts text with the locale (É between A and F)', () => {
    expect(sortRows(rows, columns, { columnId: 'name', direction: 'asc' }).map((r) => r.id)).toEqual(['c', 'd', 'b', 'a']);
  });
  it('searches without case or accents, every word must match, only searchable columns', () => {
    expect(filterRows(rows, columns, 'ENERGETIQUE renov').map((r) => r.id)).toEqual(['a']);
    expect(filterRows(rows, columns, 'ecole').map((r) => r.id)).toEqual(['d']);
    expect(filterRows(rows, columns, '90')).toEqual([]);
    expect(filterRows(rows, columns, '  ')).toHaveLength(4);
  });
});

describe('<DataTable>', () => {
  it('sorts from the column header button, announcing the order with aria-sort', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DataTable caption="Policies" columns={columns} rows={rows} getRowId={(r) => r.id} />);
    expect(names()).toEqual(['Rénovation énergétique', 'Fibre optique', 'Apprentissage', 'Écoles']);
    const rateHeader = screen.getByRole('columnheader', { name: /Rate/ });
    expect(rateHeader.getAttribute('aria-sort')).toBe('none');
    await user.click(within(rateHeader).getByRole('button'));
    expect(rateHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Écoles', 'Rénovation énergétique', 'Apprentissage', 'Fibre optique']);
    await user.click(within(rateHeader).getByRole('button'));
    expect(rateHeader.getAttribute('aria-sort')).toBe('descending');
    expect(names()[0]).toBe('Apprentissage');
  });

  it('can be sorted with the keyboard only', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DataTable caption="Policies" columns={columns} rows={rows} getRowId={(r) => r.id} />);
    await user.tab(); // search field
    await user.tab(); // first sort button (Name)
    expect(document.activeElement?.textContent).toMatch(/Name/);
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Apprentissage', 'Écoles', 'Fibre optique', 'Rénovation énergétique']);
  });

  it('filters with the labelled search field and says how many rows match', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DataTable caption="Policies" columns={columns} rows={rows} getRowId={(r) => r.id} />);
    await user.type(screen.getByLabelText('Search the table'), 'fibre');
    expect(names()).toEqual(['Fibre optique']);
    expect(screen.getByRole('status').textContent).toBe('1 row of 4');
    await user.clear(screen.getByLabelText('Search the table'));
    await user.type(screen.getByLabelText('Search the table'), 'zzz');
    expect(screen.getByText(/No row contains “zzz”/)).toBeTruthy();
  });

  it('reports sort changes when controlled (URL state)', async () => {
    const user = userEvent.setup();
    const onSortChange = jest.fn();
    renderWithProviders(<DataTable caption="P" columns={columns} rows={rows} getRowId={(r) => r.id} sort={{ columnId: 'rate', direction: 'desc' }} onSortChange={onSortChange} />);
    expect(names()[0]).toBe('Apprentissage');
    await user.click(within(screen.getByRole('columnheader', { name: /Rate/ })).getByRole('button'));
    expect(onSortChange).toHaveBeenCalledWith(null);
  });
});
