import { ThemeProvider } from '@mui/material/styles';
import { createI18n } from '@pilote/i18n';
import { clearVisualisations, findField, registerVisualisation, type DataFrame, type VisualisationProps } from '@pilote/module-sdk/web';
import { createMuiThemeFromTokens } from '@pilote/theme-engine/web';
import { neutralTokens } from '@pilote/theme-neutral';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Instance, TerritoryRate } from '../../api/types';
import { InstanceContext } from '../../instance/InstanceContext';
import { TerritoryMap } from './TerritoryMap';

const instance = {
  id: 'test', name: 'Test', locales: ['en'], defaultLocale: 'en', theme: null, vocabulary: {}, weatherLevels: [], commentTypes: [], footerLinks: [], accessibility: null, demoMode: false, version: '0',
  levels: [
    { id: 'REG', label: 'Region', rank: 0, hasMap: true, perimeter: false },
    { id: 'DEPT', label: 'Département', rank: 1, hasMap: true, perimeter: false },
    { id: 'EPCI', label: 'EPCI', rank: 2, hasMap: true, perimeter: false },
  ],
} as unknown as Instance;

const epci: TerritoryRate[] = [
  { code: 'E242900314', name: 'Brest Métropole', level: 'EPCI', value: 72 },
  { code: 'E242900074', name: 'CC du Pays d’Iroise', level: 'EPCI', value: null },
];

function renderMap(values: TerritoryRate[]) {
  const i18n = createI18n({ lng: 'en' });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter><I18nextProvider i18n={i18n}><ThemeProvider theme={createMuiThemeFromTokens(neutralTokens)}>
      <InstanceContext.Provider value={instance}>{children}</InstanceContext.Provider>
    </ThemeProvider></I18nextProvider></MemoryRouter>
  );
  return render(<TerritoryMap values={values} title="Rates by EPCI" />, { wrapper });
}

describe('territory map of a level below départements', () => {
  afterEach(() => {
    cleanup();
    clearVisualisations();
  });

  it('hands EPCI to the map module’s `map.areas` with their level, codes, names and rates', () => {
    const frames: DataFrame[] = [];
    registerVisualisation({
      id: 'map.areas', displayName: { fr: 'Aires', en: 'Areas' }, accepts: { required: ['territory', 'number'] },
      component: ({ frame, title }: VisualisationProps) => {
        frames.push(frame);
        return <p>{`drawn: ${title}`}</p>;
      },
    });
    renderMap(epci);
    expect(screen.getByRole('heading', { name: 'Rates by EPCI' })).toBeTruthy();
    expect(screen.getByText('drawn: Rates by EPCI')).toBeTruthy();
    const frame = frames[0];
    expect(frame.meta?.territoryLevel).toBe('EPCI');
    expect(findField(frame, 'territory')?.values).toEqual(['E242900314', 'E242900074']);
    expect(findField(frame, 'number')).toMatchObject({ unit: '%', values: [72, null] });
    // The module brings its own table: the kit's is not drawn twice.
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('without the map module, shows the values as an open table', () => {
    renderMap(epci);
    const table = screen.getByRole('table', { name: 'Rates by EPCI' });
    expect(table.closest('details')?.open).toBe(true);
    expect(within(table).getAllByRole('link').map((link) => link.textContent)).toEqual(['242900074 – CC du Pays d’Iroise', '242900314 – Brest Métropole']);
  });
});
