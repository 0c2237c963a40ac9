import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { renderWithProviders } from '../../../../libs/ui/test/render';
import { clearQueryCache } from '../api/useQuery';
import type { Instance } from '../api/types';
import { ExplainProvider } from '../features/explain/ExplainProvider';
import { InstanceContext } from '../instance/InstanceContext';
import ComparePage from './ComparePage';

jest.mock('../features/charts/ComparisonChart', () => ({
  __esModule: true,
  default: ({ series, title }: { series: { name: string; points: unknown[] }[]; title: string }) => <p>{`chart ${title}: ${series.map((s) => `${s.name} (${s.points.length})`).join(', ')}`}</p>,
}));

const instance = {
  id: 'test', name: 'Test', locales: ['fr', 'en'], defaultLocale: 'fr', theme: null, vocabulary: {}, weatherLevels: [], commentTypes: [], footerLinks: [], accessibility: null, demoMode: false, version: '0',
  levels: [{ id: 'DEPT', label: { fr: 'Département', en: 'Département' }, rank: 2, hasMap: true, perimeter: false }],
} as unknown as Instance;

const NAMES: Record<string, string> = { D13: 'Bouches-du-Rhône', D83: 'Var', D29: 'Finistère' };
const rate = (value: number | null, code: string) => ({ value, date: '2026-05-31', reasonCode: null, reasonParams: null, explanationId: `x:${code}` });

beforeEach(() => {
  clearQueryCache();
  global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(init.body as string) as { query: string; variables: { territoryCode?: string; search?: string } };
    const code = variables.territoryCode ?? '';
    const json = (body: unknown) => ({ ok: true, status: 200, json: async () => body }) as Response;
    // Finistère is outside the reader's rights.
    if (code === 'D29') return json({ data: null, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] });
    if (query.includes('CompareIndicator')) {
      return json({ data: {
        indicatorAt: { indicator: { id: 'I-SUM', name: 'Structures ouvertes', unit: 'nombre' }, policy: { id: 'P-1', name: 'Politique' }, territory: { code, level: 'DEPT', name: NAMES[code] },
          current: { value: code === 'D13' ? 50 : 100, date: '2026-05-31' }, globalTarget: { value: 100, date: '2026-12-31' }, globalRate: rate(code === 'D13' ? 50 : 100, code), annualRate: rate(null, code) },
        indicatorSeries: { points: [{ date: '2024-01-01', value: 0, kind: 'VI' }, { date: '2026-05-31', value: 50, kind: 'VA' }] },
      } });
    }
    if (query.includes('ComparePolicy')) {
      return json({ data: { policyAt: {
        policy: { id: 'P-1', name: 'Politique de test' }, territory: { code, level: 'DEPT', name: NAMES[code] }, globalRate: rate(code === 'D13' ? 50 : 100, code), annualRate: rate(60, code),
        trend: { direction: 'up', delta: 2, explanationId: null }, weather: null, alerts: [],
        indicators: [{ indicator: { id: 'I-SUM', name: 'Structures ouvertes', unit: 'nombre' }, globalRate: rate(code === 'D13' ? 50 : 100, code) }],
      } } });
    }
    return json({ data: { territories: { edges: [], totalCount: 0 }, explanation: null } });
  }) as unknown as typeof fetch;
});

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderAt(url: string, lng = 'fr') {
  return renderWithProviders(
    <InstanceContext.Provider value={instance}>
      <MemoryRouter initialEntries={[url]}><ExplainProvider><ComparePage /><Location /></ExplainProvider></MemoryRouter>
    </InstanceContext.Provider>,
    { lng },
  );
}

const params = () => new URLSearchParams(screen.getByTestId('location').textContent ?? '');

describe('ComparePage', () => {
  it('compares an indicator in the territories of the URL: their series and values side by side', async () => {
    renderAt('/compare?indicator=I-SUM&territories=D13,D83');
    const chart = await screen.findByText(/^chart /, undefined, { timeout: 5000 }); // the chart is its own chunk
    expect(chart.textContent).toBe('chart Évolution de « Structures ouvertes »: Bouches-du-Rhône (1), Var (1)');
    const table = screen.getByRole('table', { name: 'Valeurs de « Structures ouvertes » dans les territoires comparés' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Bouches-du-Rhône', 'Var']);
    expect(within(table).getByRole('link', { name: 'Var' }).getAttribute('href')).toBe('/indicators/I-SUM?territory=D83');
    expect(screen.getByRole('heading', { level: 1, name: 'Comparer des territoires' })).toBeTruthy();
  });

  it('compares a policy, names a territory it could not load, and keeps the others', async () => {
    renderAt('/compare?policy=P-1&territories=D13,D29,D83');
    const table = await screen.findByRole('table', { name: 'Taux de « Politique de test » dans les territoires comparés' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Bouches-du-Rhône', 'Var']);
    expect(screen.getByText(/^D29 : ce territoire n'a pas pu être chargé/)).toBeTruthy();
    // Each indicator's rate, territory by territory; its name opens the indicator's comparison.
    const matrix = screen.getByRole('table', { name: /Taux global de chaque indicateur de « Politique de test »/ });
    expect(within(matrix).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Indicateur', 'Bouches-du-Rhône', 'Var']);
    expect(within(matrix).getByRole('link', { name: 'Structures ouvertes' }).getAttribute('href')).toBe('/compare?indicator=I-SUM&territories=D13%2CD83');
  });

  it('removes a territory from the URL when its chip is removed, and asks for two', async () => {
    const user = userEvent.setup();
    renderAt('/compare?policy=P-1&territories=D13,D83');
    await screen.findByRole('table', { name: /Taux de « Politique de test »/ });
    const chip = screen.getAllByRole('button', { name: 'Var' }).find((b) => b.classList.contains('MuiChip-root'));
    await user.click(within(chip as HTMLElement).getByTestId('CancelIcon'));
    await waitFor(() => expect(params().get('territories')).toBe('D13'));
    expect(await screen.findByText('Choisissez au moins deux territoires à comparer.')).toBeTruthy();
  });

  it('compares at most five territories, and says when there is nothing to compare', async () => {
    const first = renderAt('/compare?policy=P-1&territories=D13,D83,D01,D02,D03,D04');
    expect(await screen.findByText('Seuls les 5 premiers territoires du lien sont comparés.')).toBeTruthy();
    first.unmount();
    renderAt('/compare?territories=D13,D83', 'en');
    expect(await screen.findByText('Nothing to compare')).toBeTruthy();
  });
});
