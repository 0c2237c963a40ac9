import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import { clearQueryCache } from '../../api/useQuery';
import { ExplainProvider, useExplain } from './ExplainProvider';

const explanations: Record<string, unknown> = {
  'policy:P-1:FR:global': {
    id: 'policy:P-1:FR:global', ruleId: 'policy-rate.weighted-mean', title: 'Numérique — France', formulaKey: 'weighted-mean',
    formulaParams: JSON.stringify({ products: [[1, 58.67]], weights: [1], shares: [[1, 58.67]], value: 58.67 }), unit: 'rate', value: 58.67,
    reasonCode: null, reasonParams: null, steps: [],
    inputs: [{ role: 'indicatorRate', label: 'Couverture', value: 58.67, weight: 1, ref: 'indicator:I-1:FR:global' }],
  },
  'indicator:I-1:FR:global': {
    id: 'indicator:I-1:FR:global', ruleId: 'indicator-rate.global', title: 'Couverture — France', formulaKey: 'progress',
    formulaParams: JSON.stringify({ vi: 10, va: 30.5, vc: 45, raw: 58.57, value: 58.57 }), unit: 'rate', value: 58.57, reasonCode: null, reasonParams: null, steps: [], inputs: [],
  },
};

beforeEach(() => {
  clearQueryCache();
  global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
    const { variables } = JSON.parse(init.body as string) as { variables: { id: string } };
    return { ok: true, status: 200, json: async () => ({ data: { explanation: explanations[variables.id] ?? null } }) } as Response;
  }) as unknown as typeof fetch;
});

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function OpenButton() {
  const explain = useExplain();
  return <button type="button" onClick={() => explain('policy:P-1:FR:global')}>ouvrir</button>;
}

function renderAt(url: string) {
  return renderWithProviders(
    <MemoryRouter initialEntries={[url]}>
      <ExplainProvider><OpenButton /><Location /></ExplainProvider>
    </MemoryRouter>,
    { lng: 'fr' },
  );
}

describe('<ExplainProvider> keeps its drawer in the URL', () => {
  it('opens the explanation a shared link names', async () => {
    renderAt('/?explain=policy:P-1:FR:global');
    expect(await screen.findByRole('dialog', { name: 'Numérique — France' })).toBeTruthy();
    expect(screen.getByTestId('explain-value').textContent).toBe('58,7\u00a0%');
  });

  it('writes the opened and drilled explanations to the URL, and Retour goes back one', async () => {
    const user = userEvent.setup();
    renderAt('/?territory=FR');
    await user.click(screen.getByRole('button', { name: 'ouvrir' }));
    await screen.findByRole('dialog', { name: 'Numérique — France' });
    expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('explain')).toBe('policy:P-1:FR:global');
    await user.click(await screen.findByRole('button', { name: 'Couverture' }));
    await screen.findByRole('dialog', { name: 'Couverture — France' });
    const params = new URLSearchParams(screen.getByTestId('location').textContent ?? '');
    expect(params.get('explain')).toBe('policy:P-1:FR:global,indicator:I-1:FR:global');
    expect(params.get('territory')).toBe('FR');
    await user.click(screen.getByRole('button', { name: /Retour/ }));
    await waitFor(() => expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('explain')).toBe('policy:P-1:FR:global'));
    await act(async () => user.click(screen.getByRole('button', { name: 'Fermer' })));
    await waitFor(() => expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('explain')).toBeNull());
  });
});
