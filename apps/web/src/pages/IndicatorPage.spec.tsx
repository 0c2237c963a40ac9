import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { renderWithProviders } from '../../../../libs/ui/test/render';
import { clearQueryCache } from '../api/useQuery';
import type { Instance, IndicatorView } from '../api/types';
import { ExplainProvider } from '../features/explain/ExplainProvider';
import { InstanceContext } from '../instance/InstanceContext';
import IndicatorPage from './IndicatorPage';

const instance = {
  id: 'test', name: 'Test', locales: ['fr', 'en'], defaultLocale: 'fr', theme: null, vocabulary: {}, weatherLevels: [], commentTypes: [], footerLinks: [], accessibility: null, demoMode: false, version: '0',
  levels: [
    { id: 'NAT', label: { fr: 'National', en: 'National' }, rank: 0, hasMap: false, perimeter: false },
    { id: 'REG', label: { fr: 'Région', en: 'Region' }, rank: 1, hasMap: true, perimeter: false },
    { id: 'DEPT', label: { fr: 'Département', en: 'Département' }, rank: 2, hasMap: true, perimeter: false },
  ],
} as unknown as Instance;

const rate = (value: number | null, code: string, kind = 'global') => ({ value, date: value === null ? null : '2026-05-31', reasonCode: value === null ? 'no-value-yet' : null, reasonParams: null, explanationId: `indicator:I-SUM:${code}:${kind}` });
const row = (code: string, name: string, value: number | null, global: number | null) => ({
  code, name, level: 'DEPT', current: value === null ? null : { value, date: '2026-05-31', provenance: 'import' }, globalRate: rate(global, code), annualRate: rate(global, code, 'annual'),
});

const r93: IndicatorView = {
  indicator: { id: 'I-SUM', name: 'Nombre de structures ouvertes', type: 'impact', unit: 'nombre', direction: 'rising', source: 'Enquête', method: null, periodicity: 'monthly', availabilityDelayDays: 0, description: null },
  policy: { id: 'P-1', code: 'P1', name: 'Politique de test', levels: ['NAT', 'REG', 'DEPT'] },
  territory: { code: 'R93', level: 'REG', name: "Provence-Alpes-Côte d'Azur", parentCode: 'FRANCE', parent: { code: 'FRANCE', level: 'NAT', name: 'France' } },
  weight: 1, initial: { value: 0, date: '2024-01-01', provenance: null }, current: { value: 150, date: '2026-05-31', provenance: null },
  annualTarget: { value: 200, date: '2026-12-31', provenance: null }, globalTarget: { value: 200, date: '2026-12-31', provenance: null },
  globalRate: rate(75, 'R93'), annualRate: rate(75, 'R93', 'annual'), nextExpectedUpdate: '2026-07-31', overdue: false, childLevel: 'DEPT',
  territories: [row('D04', 'Alpes-de-Haute-Provence', null, null), row('D13', 'Bouches-du-Rhône', 50, 50), row('D83', 'Var', 100, 100)],
};

let asked: { query: string; variables: Record<string, unknown> }[] = [];
beforeEach(() => {
  clearQueryCache();
  asked = [];
  global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as { query: string; variables: Record<string, unknown> };
    asked.push(body);
    if (body.query.includes('indicatorAt(')) {
      const data = body.variables.indicatorId === 'I-SUM' && body.variables.territoryCode === 'R93' ? { indicatorAt: r93 } : null;
      return { ok: true, status: 200, json: async () => (data ? { data } : { data: null, errors: [{ message: 'Unknown indicator', extensions: { code: 'NOT_FOUND' } }] }) } as Response;
    }
    if (body.query.includes('indicatorSeries(')) return { ok: true, status: 200, json: async () => ({ data: { indicatorSeries: { points: [], targets: [] } } }) } as Response;
    return { ok: true, status: 200, json: async () => ({ data: { territories: { edges: [], totalCount: 0 }, explanation: null } }) } as Response;
  }) as unknown as typeof fetch;
});

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderAt(url: string, lng = 'fr') {
  return renderWithProviders(
    <InstanceContext.Provider value={instance}>
      <MemoryRouter initialEntries={[url]}>
        <ExplainProvider>
          <Routes><Route path="/indicators/:indicatorId" element={<IndicatorPage />} /></Routes>
          <Location />
        </ExplainProvider>
      </MemoryRouter>
    </InstanceContext.Provider>,
    { lng },
  );
}

const params = () => new URLSearchParams(screen.getByTestId('location').textContent ?? '');
const bodyRowNames = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('rowheader')[0]?.textContent);

describe('IndicatorPage', () => {
  it('shows the indicator at its territory: values, rates, and the territories below in French', async () => {
    renderAt('/indicators/I-SUM?territory=R93');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nombre de structures ouvertes' })).toBeTruthy();
    expect(screen.getByText("Indicateur de « Politique de test » · Provence-Alpes-Côte d'Azur")).toBeTruthy();
    // The breadcrumb leads back to the policy at the same territory.
    expect(screen.getByRole('link', { name: 'Politique de test' }).getAttribute('href')).toBe('/policies/P-1?territory=R93');
    const table = screen.getByRole('table', { name: /Valeur actuelle et taux de « Nombre de structures ouvertes » dans les territoires de Provence/ });
    expect(bodyRowNames(table)).toEqual(['Alpes-de-Haute-Provence', 'Bouches-du-Rhône', 'Var']);
    expect(within(table).getByRole('columnheader', { name: /Valeur actuelle \(nombre\)/ })).toBeTruthy();
    // Numbers in the reader's locale; a territory without value says so.
    expect(within(table).getByRole('button', { name: /Taux global – Bouches-du-Rhône 50\s%/ })).toBeTruthy();
    expect(within(table).getAllByText('—').length).toBeGreaterThan(0);
    // Each territory opens the indicator there.
    expect(within(table).getByRole('link', { name: 'Var' }).getAttribute('href')).toBe('/indicators/I-SUM?territory=D83');
    expect(screen.getByRole('heading', { level: 2, name: "Territoires de Provence-Alpes-Côte d'Azur" })).toBeTruthy();
    expect(asked.find((a) => a.query.includes('indicatorSeries('))?.variables).toEqual({ indicatorId: 'I-SUM', territoryCode: 'R93', asOf: null });
  });

  it('read at a past date, asks the series and the explanation at that date (ADR 042)', async () => {
    const user = userEvent.setup();
    renderAt('/indicators/I-SUM?territory=R93&asOf=2025-12-31');
    await user.click(await screen.findByRole('button', { name: 'Comment est-ce calculé ?' }));
    await waitFor(() => expect(asked.find((a) => a.query.includes('explanation('))?.variables).toEqual({ id: 'indicator:I-SUM:R93:global', asOf: '2025-12-31' }));
    expect(asked.find((a) => a.query.includes('indicatorSeries('))?.variables).toEqual({ indicatorId: 'I-SUM', territoryCode: 'R93', asOf: '2025-12-31' });
  });

  it('keeps the table sort in the URL, and reads it from a shared link', async () => {
    const user = userEvent.setup();
    renderAt('/indicators/I-SUM?territory=R93&tsort=globalRate:desc');
    const table = await screen.findByRole('table', { name: /Valeur actuelle et taux/ });
    // Missing rates last, whatever the direction.
    expect(bodyRowNames(table)).toEqual(['Var', 'Bouches-du-Rhône', 'Alpes-de-Haute-Provence']);
    await user.click(within(table).getByRole('button', { name: /Valeur actuelle/ }));
    await waitFor(() => expect(params().get('tsort')).toBe('current:asc'));
    expect(bodyRowNames(table)).toEqual(['Bouches-du-Rhône', 'Var', 'Alpes-de-Haute-Provence']);
    expect(params().get('territory')).toBe('R93');
  });

  it('opens the explanation of the rate from "Comment est-ce calculé ?", in the URL', async () => {
    const user = userEvent.setup();
    renderAt('/indicators/I-SUM?territory=R93');
    await user.click(await screen.findByRole('button', { name: 'Comment est-ce calculé ?' }));
    await waitFor(() => expect(params().get('explain')).toBe('indicator:I-SUM:R93:global'));
  });

  it('goes up to the parent territory where the policy is followed', async () => {
    const user = userEvent.setup();
    renderAt('/indicators/I-SUM?territory=R93', 'en');
    await user.click(await screen.findByRole('button', { name: 'See at France level' }));
    await waitFor(() => expect(params().get('territory')).toBe('FRANCE'));
  });

  it('says when no territory is chosen, and when the indicator does not exist', async () => {
    const first = renderAt('/indicators/I-SUM');
    expect(await screen.findByText('Aucun territoire choisi')).toBeTruthy();
    first.unmount();
    renderAt('/indicators/NOPE?territory=R93');
    expect(await screen.findByRole('heading', { level: 1, name: 'Indicateur introuvable' })).toBeTruthy();
  });
});
