import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import type { Explanation } from '../types';
import { ExplainPanel } from './ExplainPanel';

// Explanations as the API answers them for the engine's rules (libs/engine): a French reader must
// see no English sentence, no rule id, no decimal point, and "%" only on rates.
const countSum: Explanation = {
  id: 'indicator:IND-002:FR:current', ruleId: 'aggregate.sum', title: 'Conseillers numériques — France',
  formula: 'sum of 18 values = 19689', formulaKey: 'sum-many', formulaParams: JSON.stringify({ terms: [], count: 18, value: 19689 }), unit: 'amount',
  value: 19689, reason: 'Partial coverage: 18 of 101 child territories.', reasonCode: 'partial-coverage', reasonParams: JSON.stringify({ count: 18, expected: 101 }),
  inputs: [{ role: 'child', label: 'D29', value: 1093.5, date: '2026-03-31', provenance: 'import', territoryCode: 'D29', territoryName: 'Finistère' }],
};
const policyRate: Explanation = {
  id: 'policy:P-1:FR:global', ruleId: 'policy-rate.weighted-mean', title: 'Numérique — France',
  formula: '(1 × 58.67 + 1 × 40) / (1 + 1) = 0.5 × 58.67 + 0.5 × 40 = 49.335', formulaKey: 'weighted-mean',
  formulaParams: JSON.stringify({ products: [[1, 58.67], [1, 40]], weights: [1, 1], shares: [[0.5, 58.67], [0.5, 40]], value: 49.335 }), unit: 'rate', value: 49.335,
  inputs: [
    { role: 'weight', label: 'Taux de couverture', value: 1, weight: 0.5, indicatorId: 'IND-1' },
    { role: 'indicatorRate', label: 'Taux de couverture', value: 58.67, weight: 0.5, indicatorId: 'IND-1', ref: 'indicator:IND-1:FR:global' },
    { role: 'excluded', label: 'Délai moyen', note: 'zero-weight', value: 12.25, indicatorId: 'IND-3' },
  ],
  steps: [{ id: 's', ruleId: 'national-fallback.entered', title: '', formula: 'no territorial target yet: the national target entered is used, 80', formulaKey: 'national-entered', formulaParams: JSON.stringify({ value: 80.5 }), unit: 'amount', inputs: [] }],
};
const missing: Explanation = {
  id: 'policy:P-2:FR:annual', ruleId: 'policy-rate.weighted-mean', title: 'Emploi — France', formula: 'not computable', formulaKey: 'not-computable', unit: 'rate', value: null,
  reason: 'No rate for Placements (IND-9): the policy rate needs every weighted indicator.', reasonCode: 'indicator-rate-missing', reasonParams: JSON.stringify({ names: 'Placements', count: 1 }),
  inputs: [{ role: 'excluded', label: 'Apprentis', note: 'not-applicable', value: null }],
};

const ENGLISH = /\b(sum|mean|median|weight|excluded|values?|rate|not computable|needs|applicable|coverage|territor(y|ies)|target)\b/i;
const RULE_ID = /[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*/;
const DECIMAL_POINT = /\d\.\d/;

describe('<ExplainPanel> in French', () => {
  it.each([['a count summed over territories', countSum], ['a policy rate with an indicator left out', policyRate], ['a rate not computed', missing]])(
    'writes %s in French, with French numbers and units',
    (_name, explanation) => {
      renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={explanation} />, { lng: 'fr' });
      const text = screen.getByRole('dialog').textContent ?? '';
      expect(text).not.toMatch(ENGLISH);
      expect(text).not.toMatch(RULE_ID);
      expect(text).not.toMatch(DECIMAL_POINT);
      expect(text).not.toContain(explanation.formula);
    },
  );

  it('shows a count as a count, and rates with a decimal comma', () => {
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={countSum} />, { lng: 'fr' });
    expect(screen.getByTestId('explain-value').textContent).toBe('19\u202f689');
    expect(screen.getByText(/^somme des 18 valeurs = 19\s689$/)).toBeTruthy();
    expect(screen.getByText(/Couverture partielle : 18 territoires sur 101 ont une valeur/)).toBeTruthy();
  });

  it('says the weighted mean with decimal commas and why an indicator is left out', () => {
    renderWithProviders(<ExplainPanel open onClose={() => undefined} explanation={policyRate} />, { lng: 'fr' });
    expect(screen.getByTestId('explain-value').textContent).toBe('49,3\u00a0%');
    expect(screen.getByText('(1 × 58,67 + 1 × 40) / (1 + 1) = 0,5 × 58,67 + 0,5 × 40 = 49,34')).toBeTruthy();
    expect(screen.getByText('Non comptée (pondération nulle)')).toBeTruthy();
    expect(screen.getByText(/Moyenne des taux des indicateurs, pondérée/)).toBeTruthy();
  });
});
