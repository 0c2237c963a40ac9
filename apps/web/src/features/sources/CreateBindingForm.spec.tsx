import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import { clearQueryCache } from '../../api/useQuery';
import { CreateBindingForm } from './CreateBindingForm';

const SOURCES = { availableSources: [{ ref: 'http-connector/json', nameFr: 'API JSON', nameEn: 'JSON API', settingsKeys: ['url', 'headers'], requiredSettings: ['url'], secretSettings: [] }] };
let answer: (query: string) => unknown;

beforeEach(() => {
  clearQueryCache();
  global.fetch = jest.fn(async (_url: string, init?: RequestInit) => {
    if (!init?.body) return { ok: true, status: 200, json: async () => ({ authenticated: true, csrfToken: 'csrf' }) } as Response;
    const { query } = JSON.parse(init.body as string) as { query: string };
    return { ok: true, status: 200, json: async () => (query.includes('availableSources') ? { data: SOURCES } : answer(query)) } as Response;
  }) as unknown as typeof fetch;
});

describe('CreateBindingForm', () => {
  it('puts each problem the API names under its field', async () => {
    answer = () => ({ data: null, errors: [{ message: 'The binding has 2 problem(s)', extensions: { code: 'BAD_USER_INPUT', field: 'settings', problems: [
      { field: 'settings', path: 'settings.url', message: 'Invalid URL' },
      { field: 'territoryColumn', path: 'mapping.columns.territory', message: 'expected string' },
    ] } }] });
    renderWithProviders(<CreateBindingForm onCreated={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Create the binding' }));
    expect(await screen.findByText('settings.url: Invalid URL')).toBeTruthy();
    expect(screen.getByText('mapping.columns.territory: expected string')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Field of the territory/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: /Field of the indicator/ }).getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('The binding has 2 problem(s): see the fields.');
  });

  it('shows the preview: the first records and what would be written', async () => {
    answer = () => ({ data: { previewSourceBindingDraft: { columns: ['ind', 'zone'], sample: [['I-SUM', 'D13']], rowsRead: 1, valuesAccepted: 1, valuesRefused: 0, wouldWrite: 1, unchanged: 0, ratesChanged: 2, issues: [], errorCode: null, errorMessage: null } } });
    renderWithProviders(<CreateBindingForm onCreated={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (nothing written)' }));
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    expect(screen.getByRole('columnheader', { name: 'zone' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'D13' })).toBeTruthy();
    expect(screen.getByText(/1 would be written · 0 unchanged · 2 rates would change/)).toBeTruthy();
  });
});
