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
    expect(within(dialog).getByText('Σ (weight × rate) / Σ weight')).toBeTruthy();
    expect(within(dialog).getByText('policy-rate.weighted-mean')).toBeTruthy();
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]).getAllByRole('cell').map((c) => c.textContent);
    expect(first).toEqual(['75', 'Sep 30, 2025', 'Connector', '2', 'Vaucluse']);
    expect(within(rows[0]).getByRole('link', { name: 'Vaucluse' }).getAttribute('href')).toBe('/territories/DEPT-84');
    const second = within(rows[1]).getAllByRole('cell').map((c) => c.textContent);
    expect(second).toEqual(['1,234.5', 'Jun 1, 2025', 'Entered', '—', '—']);
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
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={{ ...explanation, value: null, reason: 'A weighted indicator has no value', inputs: [] }} />);
    expect(screen.getByTestId('explain-value').textContent).toBe('Not computed');
    expect(screen.getByText(/A weighted indicator has no value/)).toBeTruthy();
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
      formula: '100 × (18009 − 14988) / (23000 − 14988) = 37.71', value: 37.7, reason: 'Partial coverage: 18 of 20 child territories.', reasonCode: 'partial-coverage',
      inputs: [
        { role: 'initial', label: 'initial value (VI)', value: 14988, date: '2022-01-01', provenance: 'aggregate' },
        { role: 'target', label: 'annual target (2026)', value: 23000, date: '2026-12-31', provenance: 'seed' },
        { role: 'weight', label: 'Homes connected: weight 1 → 0.25', value: 1, weight: 0.25 },
      ],
      steps: [
        { id: 's0', ruleId: 'indicator-rate.rising', title: '', formula: '100 × (18009 − 14988) / (23000 − 14988) = 37.71', inputs: [] },
        { id: 's1', ruleId: 'clamp', title: '', formula: 'min(100, 37.71) = 37.71', inputs: [] },
      ],
    };
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={engine} />);
    const rows = screen.getAllByRole('row').slice(1).map((row) => within(row).getByRole('rowheader').textContent);
    expect(rows).toEqual(['Initial value (VI)', 'Annual target (VC)', 'WeightHomes connected']);
    expect(screen.getByText(/Partial coverage: some territories have no value yet \(Partial coverage: 18 of 20/)).toBeTruthy();
    const steps = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(steps).toEqual(['clamp : min(100, 37.71) = 37.71']);
  });
});
