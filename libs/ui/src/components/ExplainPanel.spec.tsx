import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render';
import type { Explanation } from '../types';
import { ExplainPanel } from './ExplainPanel';

const explanation: Explanation = {
  id: 'rate:p1:84:global',
  ruleId: 'policy-rate.weighted-mean',
  title: 'Overall rate of Fibre in Vaucluse',
  formula: 'Σ (weight × rate) / Σ weight',
  formulaKey: 'weighted-mean',
  formulaParams: JSON.stringify({ products: [[2, 75], [1, 40]], weights: [2, 1], shares: [[0.6667, 75], [0.3333, 40]], value: 63.333 }),
  unit: 'rate',
  value: 62.5,
  reason: null,
  inputs: [
    { role: 'indicator', label: 'Homes connected', value: 75, date: '2025-09-30', provenance: 'connector', territoryCode: 'DEPT-84', territoryName: 'Vaucluse', weight: 2, ref: 'ind:i1:84' },
    { role: 'VA', label: 'Current value', value: 1234.5, date: '2025-06-01', provenance: 'user', territoryCode: null, territoryName: null, weight: null, ref: null },
  ],
};

describe('<ExplainPanel>', () => {
  it('shows the value, the formula, the rule and every input with date, provenance, weight and territory', () => {
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={explanation} territoryHref={(c) => `/territories/${c}`} />);
    const dialog = screen.getByRole('dialog', { name: 'Overall rate of Fibre in Vaucluse' });
    expect(within(dialog).getByTestId('explain-value').textContent).toBe('62.5\u00a0%');
    expect(within(dialog).getByText('(2 × 75 + 1 × 40) / (2 + 1) = 0.67 × 75 + 0.33 × 40 = 63.33')).toBeTruthy();
    expect(within(dialog).getByText(/Weighted mean of the indicators' rates/)).toBeTruthy();
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]).getAllByRole('cell').map((c) => c.textContent);
    expect(first).toEqual(['75', 'Sep 30, 2025', 'Connector', '2', 'Vaucluse']);
    expect(within(rows[0]).getByRole('link', { name: 'Vaucluse' }).getAttribute('href')).toBe('/territories/DEPT-84');
    const second = within(rows[1]).getAllByRole('cell').map((c) => c.textContent);
    expect(second).toEqual(['1,234.5', 'Jun 1, 2025', 'Entered', '—', '—']);
  });

  it('says from which source a connector value came, when it was last synchronised, and links to it', () => {
    const fromSource: Explanation = { ...explanation, inputs: [{ ...explanation.inputs[0], ref: null, source: { name: 'Logements (API)', syncedAt: '2025-10-01T06:00:12Z', url: 'https://api.example.gouv.fr/values' } }, explanation.inputs[1]] };
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={fromSource} />);
    const rows = within(screen.getByRole('dialog')).getAllByRole('row').slice(1);
    expect(within(rows[0]).getAllByRole('cell')[2].textContent).toBe('ConnectorLogements (API) — synchronised on Oct 1, 2025');
    expect(within(rows[0]).getByRole('link', { name: 'Logements (API)' }).getAttribute('href')).toBe('https://api.example.gouv.fr/values');
    expect(within(rows[1]).getAllByRole('cell')[2].textContent).toBe('Entered');
  });

  it('drills down into an input that has its own explanation, and goes back', async () => {
    const user = userEvent.setup();
    const onDrill = jest.fn();
    const onBack = jest.fn();
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={explanation} onDrill={onDrill} onBack={onBack} />);
    await user.click(screen.getByRole('button', { name: 'Homes connected' }));
    expect(onDrill).toHaveBeenCalledWith('ind:i1:84');
    // An input without ref is plain text, not a button.
    expect(screen.queryByRole('button', { name: 'Current value' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(onBack).toHaveBeenCalled();
  });

  it('says why a number was not computed', () => {
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={{ ...explanation, value: null, reason: 'No rate for X (IND-1): the policy rate needs every weighted indicator.', reasonCode: 'indicator-rate-missing', reasonParams: JSON.stringify({ names: 'X', count: 1 }), inputs: [] }} />);
    expect(screen.getByTestId('explain-value').textContent).toBe('Not computed');
    expect(screen.getByText(/The weighted indicator “X” has no rate: the policy rate is not computed/)).toBeTruthy();
    expect(screen.queryByText(/needs every weighted/)).toBeNull();
    expect(screen.getByText('No input used.')).toBeTruthy();
  });

  it('closes from its labelled close button', async () => {
    const user = userEvent.setup();
    const onClose = jest.fn();
    renderWithProviders(<ExplainPanel open onClose={onClose} loading />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it("says engine inputs and reasons in the user's language, and lists the steps that add something", () => {
    const engine: Explanation = {
      id: 'indicator:IND-001:FRANCE:global', ruleId: 'indicator-rate.global', title: 'France Services — France',
      formula: '100 × (18009 − 14988) / (23000 − 14988) = 37.71', formulaKey: 'progress', formulaParams: JSON.stringify({ vi: 14988, va: 18009, vc: 23000, raw: 37.705, value: 37.705 }),
      value: 37.7, reason: 'Partial coverage: 18 of 20 child territories.', reasonCode: 'partial-coverage', reasonParams: JSON.stringify({ count: 18, expected: 20 }),
      inputs: [
        { role: 'initial', label: 'initial value (VI)', value: 14988, date: '2022-01-01', provenance: 'aggregate' },
        { role: 'target', label: 'annual target (2026)', value: 23000, date: '2026-12-31', provenance: 'seed' },
        { role: 'weight', label: 'Homes connected', value: 1, weight: 0.25 },
      ],
      steps: [
        { id: 's0', ruleId: 'indicator-rate.rising', title: '', formula: '…', formulaKey: 'progress', formulaParams: JSON.stringify({ vi: 14988, va: 18009, vc: 23000, raw: 37.705, value: 37.705 }), inputs: [] },
        { id: 's1', ruleId: 'comparable-value.sum', title: '', formula: '…', formulaKey: 'sum-year-start', formulaParams: JSON.stringify({ count: 2, terms: [10.5, 20], value: 30.5 }), inputs: [] },
      ],
    };
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={engine} />);
    const rows = screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);
    expect(rows).toEqual(['Initial value (VI)', 'Annual target (VC)', 'WeightHomes connected']);
    expect(screen.getByText(/Partial coverage: 18 territories of 20 have a value/)).toBeTruthy();
    const steps = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(steps).toEqual(["Sum of the period's current values : sum of the 2 values since 1 January: 10.5 + 20 = 30.5"]);
  });
});
