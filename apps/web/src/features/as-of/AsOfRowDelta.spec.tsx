import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import type { Instance, PolicyRow } from '../../api/types';
import { InstanceContext } from '../../instance/InstanceContext';
import { PolicyTable } from '../home/PolicyTable';
import { AsOfRowDelta } from './AsOfRowDelta';

const instance = {
  id: 'test', name: 'Test', locales: ['fr', 'en'], defaultLocale: 'fr', theme: null, vocabulary: {}, weatherLevels: [], commentTypes: [], footerLinks: [], accessibility: null, demoMode: false, version: '0', levels: [],
} as unknown as Instance;

const rate = (value: number | null) => ({ value, date: '2026-06-30', reasonCode: null, reasonParams: null, explanationId: null });
const row = (id: string, name: string, value: number | null): PolicyRow => ({
  policy: { id, code: id, name, kind: 'other', status: 'published' },
  globalRate: rate(value), annualRate: rate(value), weather: null,
  trend: { direction: 'flat', delta: null, explanationId: null }, gapToMedian: null, gapExplanationId: null,
  peers: { min: null, median: null, max: null, count: 0, minExplanationId: null, medianExplanationId: null, maxExplanationId: null }, alerts: [],
} as unknown as PolicyRow);

function cell(now: number | null, before: number | null | undefined, lng: string) {
  const { unmount } = renderWithProviders(<AsOfRowDelta now={now} before={before} />, { lng });
  const element = screen.getByTestId('as-of-row-delta');
  const result = { text: element.textContent, direction: element.getAttribute('data-direction') };
  unmount();
  return result;
}

describe('<AsOfRowDelta>: one policy row\'s change since the end of the previous period', () => {
  it('says the signed delta in points and its direction in words, in French', () => {
    expect(cell(58.04, 50, 'fr')).toEqual({ text: '▲ +8\u00a0pts (en hausse)', direction: 'up' });
    expect(cell(41.7, 45.83, 'fr')).toEqual({ text: '▼ −4,1\u00a0pts (en baisse)', direction: 'down' });
    expect(cell(50, 50.02, 'fr')).toEqual({ text: '= 0\u00a0pts (stable)', direction: 'flat' });
    expect(cell(null, 50, 'fr')).toEqual({ text: '—pas de taux pour comparer', direction: null });
    expect(cell(50, undefined, 'fr')).toEqual({ text: '—pas de taux pour comparer', direction: null });
  });

  it('and in English', () => {
    expect(cell(58.04, 50, 'en')).toEqual({ text: '▲ +8\u00a0pts (up)', direction: 'up' });
    expect(cell(41.7, 45.83, 'en')).toEqual({ text: '▼ −4.1\u00a0pts (down)', direction: 'down' });
    expect(cell(50, 50, 'en')).toEqual({ text: '= 0\u00a0pts (unchanged)', direction: 'flat' });
    expect(cell(50, null, 'en')).toEqual({ text: '—no rate to compare with', direction: null });
  });

  it('adds a column to the policy table only with the comparison, one cell per row from the one answer', () => {
    const rows = [row('P-1', 'Rénovation', 62.5), row('P-2', 'Mobilités', 40), row('P-3', 'Fibre', null)];
    const table = (change?: { since: string; before: ReadonlyMap<string, number | null> }) => renderWithProviders(
      <MemoryRouter><InstanceContext.Provider value={instance}>
        <PolicyTable rows={rows} territoryCode="D29" territoryName="Finistère" caption="Politiques" change={change} />
      </InstanceContext.Provider></MemoryRouter>,
      { lng: 'fr' },
    );
    const without = table();
    expect(screen.queryByRole('columnheader', { name: /Depuis le/ })).toBeNull();
    expect(screen.queryAllByTestId('as-of-row-delta')).toHaveLength(0);
    without.unmount();

    // P-2 had no rate at the end of 2025, P-3 has none now: "—" for both.
    table({ since: '2025-12-31', before: new Map([['P-1', 50], ['P-2', null], ['P-3', 30]]) });
    expect(screen.getByRole('columnheader', { name: /Depuis le 31 déc\. 2025/ })).toBeTruthy();
    const cells = Object.fromEntries(rows.map((r) => [r.policy.name, within(screen.getByRole('rowheader', { name: r.policy.name }).closest('tr') as HTMLElement).getByTestId('as-of-row-delta').textContent]));
    expect(cells).toEqual({ Rénovation: '▲ +12,5\u00a0pts (en hausse)', Mobilités: '—pas de taux pour comparer', Fibre: '—pas de taux pour comparer' });
  });
});
