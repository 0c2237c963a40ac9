import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import { clearQueryCache } from '../../api/useQuery';
import { BindingForm } from './BindingForm';
import type { SourceBinding } from './sourcesApi';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, required: false, labelKey: `http-connector:sources.json.settings.${name}.label`, secret: false, options: [], default: null, title: null, format: null, ...extra });
const SOURCES = {
  availableSources: [{
    ref: 'http-connector/json', nameFr: 'API JSON', nameEn: 'JSON API',
    settingsFields: [field('url', 'string', { required: true, format: 'uri' }), field('rowsPath', 'string', { default: '""' }), field('pagination', 'json'), field('tokenSecret', 'string', { secret: true })],
  }],
};
// userEvent typing in MUI fields is slow on a loaded 2-core machine.
jest.setTimeout(20_000);

let sent: { query: string; variables: Record<string, unknown> }[] = [];
let answer: (query: string) => unknown;

beforeEach(() => {
  clearQueryCache();
  sent = [];
  global.fetch = jest.fn(async (_url: string, init?: RequestInit) => {
    if (!init?.body) return { ok: true, status: 200, json: async () => ({ authenticated: true, csrfToken: 'csrf' }) } as Response;
    const body = JSON.parse(init.body as string) as { query: string; variables: Record<string, unknown> };
    if (!body.query.includes('availableSources')) sent.push(body);
    return { ok: true, status: 200, json: async () => (body.query.includes('availableSources') ? { data: SOURCES } : answer(body.query)) } as Response;
  }) as unknown as typeof fetch;
});

const refused = (problems: Record<string, unknown>[]) => () => ({ data: null, errors: [{ message: 'The binding has problems', extensions: { code: 'BAD_USER_INPUT', field: problems[0].field, problems } }] });

describe('BindingForm', () => {
  it('draws the settings of the chosen source from its schema and sends them as one settings object', async () => {
    answer = () => ({ data: { createSourceBinding: { id: 'b' } } });
    const saved = jest.fn();
    renderWithProviders(<BindingForm onSaved={saved} />);
    await userEvent.click(await screen.findByRole('combobox', { name: /Connector/ }));
    await userEvent.click(await screen.findByRole('option', { name: /JSON API/ }));
    await userEvent.type(await screen.findByRole('textbox', { name: /url/ }), 'https://example.test/values');
    await userEvent.type(screen.getByRole('textbox', { name: /pagination/ }), '{{"type": "none"}');
    expect(screen.getByText('The name of an environment variable holding the secret, never the secret itself.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create the binding' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const input = sent[0].variables.input as { settings: string; enabled: boolean };
    expect(JSON.parse(input.settings)).toEqual({ url: 'https://example.test/values', pagination: { type: 'none' } });
    expect(input.enabled).toBe(true);
  });

  it('puts each problem the API names under its field, in the reader’s language, never the server’s English', async () => {
    answer = refused([
      { field: 'settings.url', path: 'settings.url', message: 'an http(s) URL', code: 'required' },
      { field: 'schedule', path: 'schedule', message: 'Cron: bad minute', code: 'bad-cron', params: { cron: 'x' } },
    ]);
    renderWithProviders(<BindingForm onSaved={() => undefined} />, { lng: 'fr' });
    await userEvent.click(await screen.findByRole('combobox', { name: /Connecteur/ }));
    await userEvent.click(await screen.findByRole('option', { name: /API JSON/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Créer la liaison' }));
    expect(await screen.findByText('À renseigner.')).toBeTruthy();
    expect(screen.getByText(/Planification non reconnue/)).toBeTruthy();
    expect(screen.queryByText(/an http\(s\) URL|bad minute/)).toBeNull();
    expect(screen.getByRole('textbox', { name: /url/ }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: /Champ de l’indicateur/ }).getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('La liaison a 2 problème(s) : voir les champs.');
  });

  it('refuses settings text that is not JSON on its own field, sending nothing', async () => {
    renderWithProviders(<BindingForm onSaved={() => undefined} />);
    await userEvent.click(await screen.findByRole('combobox', { name: /Connector/ }));
    await userEvent.click(await screen.findByRole('option', { name: /JSON API/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /pagination/ }), '{{type:');
    await userEvent.click(screen.getByRole('button', { name: 'Create the binding' }));
    expect(await screen.findByText('This is not valid JSON.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('edits a binding: its values are filled in, the id is fixed, saving sends updateSourceBinding', async () => {
    answer = () => ({ data: { updateSourceBinding: { id: 'structures' } } });
    const binding: SourceBinding = {
      id: 'structures', name: 'Structures', source: 'http-connector/json', schedule: '0 6 * * *', trusted: true, enabled: true, nextRunAt: null, sourceAvailable: true, lastRun: null,
      settings: JSON.stringify({ url: 'https://example.test/v', pagination: { type: 'none' } }), indicatorColumn: 'ind', territoryColumn: 'zone', dateColumn: 'date', kindColumn: 'type', valueColumn: 'valeur', kindCodes: '{"actuelle":"VA"}',
    };
    const saved = jest.fn();
    renderWithProviders(<BindingForm binding={binding} onSaved={saved} onCancel={() => undefined} />);
    expect(await screen.findByDisplayValue('https://example.test/v')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Identifier/ }) as HTMLInputElement).readOnly).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /Trusted/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(saved).toHaveBeenCalledWith('Structures'));
    expect(sent[0].query).toContain('updateSourceBinding');
    const input = sent[0].variables.input as Record<string, unknown>;
    expect(input).toMatchObject({ id: 'structures', trusted: false, schedule: '0 6 * * *', territoryColumn: 'zone', kindCodes: '{"actuelle":"VA"}' });
    expect(JSON.parse(input.settings as string)).toEqual({ url: 'https://example.test/v', pagination: { type: 'none' } });
  });

  it('shows the preview: the first records and what would be written', async () => {
    answer = () => ({ data: { previewSourceBindingDraft: { columns: ['ind', 'zone'], sample: [['I-SUM', 'D13']], rowsRead: 1, valuesAccepted: 1, valuesRefused: 0, wouldWrite: 1, unchanged: 0, ratesChanged: 2, issues: [], errorCode: null, errorMessage: null } } });
    renderWithProviders(<BindingForm onSaved={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Preview (nothing written)' }));
    await waitFor(() => expect(screen.getByRole('table')).toBeTruthy());
    expect(screen.getByRole('columnheader', { name: 'zone' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'D13' })).toBeTruthy();
    expect(screen.getByText(/1 would be written · 0 unchanged · 2 rates would change/)).toBeTruthy();
  });
});
