/** @jest-environment jsdom */
import { ThemeProvider } from '@mui/material/styles';
import { createI18n } from '@pilote/i18n';
import type { DataFrame } from '@pilote/module-sdk/web';
import { createMuiThemeFromTokens } from '@pilote/theme-engine/web';
import { neutralTokens } from '@pilote/theme-neutral';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import en from '../common/i18n/en.json';
import { AreaMap } from './AreaMap';
import { forgetGeometryLevels } from './geometry-api';

const frame: DataFrame = {
  fields: [
    { name: 'code', type: 'territory', values: ['E242900314', 'E242900074', 'E242900553'] },
    { name: 'name', type: 'string', values: ['Brest Métropole', 'CC du Pays d’Iroise', 'CC du Pays des Abers'] },
    { name: 'rate', type: 'number', unit: '%', values: [72, null, 10] },
  ],
  meta: { territoryLevel: 'EPCI' },
};

const square = (x: number) => `M${x},0L${x + 100},0L${x + 100},100L${x},100Z`;

function serve(levels: string[], areas: { code: string; d: string }[], credit: string | null = null) {
  const urls: string[] = [];
  global.fetch = jest.fn(async (url: string) => {
    urls.push(url);
    const body = url.endsWith('/geometry')
      ? { levels: ['DEPT', 'EPCI', 'COM'].map((level) => ({ level, file: `data/geometry/${level.toLowerCase()}.geojson`, available: levels.includes(level) })) }
      : { level: 'EPCI', file: 'data/geometry/epci.geojson', note: 'Schematic tiles', credit, viewBox: '0 0 600 100', areas, unknownCodes: 0 };
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  return urls;
}

function renderMap(onSelect?: (code: string) => void) {
  const i18n = createI18n({ lng: 'en', resources: { en: { map: en } } });
  const theme = createMuiThemeFromTokens(neutralTokens);
  const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}><ThemeProvider theme={theme}>{children}</ThemeProvider></I18nextProvider>;
  return render(<AreaMap frame={frame} title="Rates of the EPCI" onSelect={onSelect} />, { wrapper });
}

describe('map of EPCI from the instance geometry', () => {
  beforeEach(() => forgetGeometryLevels());

  it('draws one path per EPCI, coloured by its rate, hatched without data, with a legend and the table', async () => {
    const urls = serve(['EPCI'], [{ code: 'E242900314', d: square(0) }, { code: 'E242900074', d: square(200) }, { code: 'E242900553', d: square(400) }]);
    const { container } = renderMap();
    const map = await screen.findByRole('img', { name: 'Map: Rates of the EPCI, 2 of 3 territories with a value' });
    expect(urls).toEqual(['/api/v1/modules/map/geometry', '/api/v1/modules/map/geometry/EPCI?codes=E242900314%2CE242900074%2CE242900553']);
    const paths = [...map.querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('data-code'))).toEqual(['E242900314', 'E242900074', 'E242900553']);
    expect(paths.map((p) => p.querySelector('title')?.textContent)).toEqual(['Brest Métropole : 72\u00a0%', 'CC du Pays d’Iroise : No data', 'CC du Pays des Abers : 10\u00a0%']);
    const ramp = neutralTokens.chart.sequential;
    expect(paths[0].getAttribute('fill')).toBe(ramp[Math.floor(0.72 * ramp.length)]);
    expect(paths[2].getAttribute('fill')).toBe(ramp[Math.floor(0.1 * ramp.length)]);
    expect(paths[1].getAttribute('fill')).toMatch(/^url\(#map-nodata-.+\)$/);
    expect(container.querySelector(paths[1].getAttribute('fill')!.slice(4, -1))?.tagName).toBe('pattern');
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(ramp.length + 1);
    expect(within(legend).getByText('No data')).toBeTruthy();
    expect(screen.getByText('Schematic tiles')).toBeTruthy();
    expect(screen.queryByTestId('map-credit')).toBeNull();
    const table = screen.getByRole('table', { name: 'Rates of the EPCI' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['Brest Métropole72', 'CC du Pays d’Iroise' + 'No data', 'CC du Pays des Abers10']);
    expect(table.closest('details')?.open).toBe(false);
  });

  it('shows the credit line of the boundaries under the map, in the reader\'s language', async () => {
    serve(['EPCI'], [{ code: 'E242900314', d: square(0) }], 'IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte / Etalab)');
    renderMap();
    const map = await screen.findByRole('img');
    const credit = screen.getByTestId('map-credit');
    expect(credit.textContent).toBe('Boundaries: IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte / Etalab)');
    expect(map.compareDocumentPosition(credit) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says when some EPCI have no shape in the file', async () => {
    serve(['EPCI'], [{ code: 'E242900314', d: square(0) }]);
    renderMap();
    await screen.findByRole('img');
    expect(screen.getByText('2 territories have no shape in the geometry file: they are in the table.')).toBeTruthy();
  });

  it('without a geometry file for the level, shows the open table and a sentence saying why', async () => {
    const urls = serve(['COM'], []);
    renderMap();
    await screen.findByText('No geometry is provided for these territories: their values are in the table.');
    expect(urls).toEqual(['/api/v1/modules/map/geometry']);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('table', { name: 'Rates of the EPCI' }).closest('details')?.open).toBe(true);
  });

  it('lets the user pick an area by clicking it, or with the keyboard from the table', async () => {
    serve(['EPCI'], [{ code: 'E242900314', d: square(0) }, { code: 'E242900074', d: square(200) }, { code: 'E242900553', d: square(400) }]);
    const onSelect = jest.fn();
    renderMap(onSelect);
    const map = await screen.findByRole('img');
    fireEvent.click(map.querySelector('path[data-code="E242900553"]')!);
    expect(onSelect).toHaveBeenLastCalledWith('E242900553');
    const table = screen.getByRole('table', { name: 'Rates of the EPCI' });
    within(table).getByRole('button', { name: 'Select Brest Métropole' }).click();
    expect(onSelect).toHaveBeenLastCalledWith('E242900314');
  });

  it('draws plain areas and names when nothing may be picked', async () => {
    serve(['EPCI'], [{ code: 'E242900314', d: square(0) }]);
    renderMap();
    await screen.findByRole('img');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
