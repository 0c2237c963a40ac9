import { createI18n } from '@pilote/i18n';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { EnabledModule } from './modulesAdminApi';
import { ModuleSettingsForm } from './ModuleSettingsForm';

const helpCentre: EnabledModule = {
  id: 'help-centre',
  version: '0.1.0',
  displayName: { fr: 'Centre d’aide', en: 'Help centre' },
  description: null,
  settings: { folder: 'help', contextualPages: ['home', 'policy'], contextualArticles: 3 },
  overrides: null,
  hasOverrides: false,
  restartNeeded: false,
  publicSettings: { contextualPages: ['home', 'policy'], contextualArticles: 3 },
  settingsForm: {
    fields: [
      { key: 'folder', kind: 'string', required: false, default: 'help', description: 'Folder of the articles' },
      { key: 'contextualPages', kind: 'enum-list', required: false, options: ['home', 'policy', 'territory'] },
      { key: 'contextualArticles', kind: 'integer', required: true, min: 1, max: 10 },
    ],
  },
};

type Body = { query: string; variables: Record<string, unknown> };

function mockApi(answer: (body: Body) => unknown) {
  const calls: Body[] = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/auth/me') return { ok: true, status: 200, json: async () => ({ csrfToken: 'csrf-1' }) } as Response;
    const body = JSON.parse(String(init?.body)) as Body;
    calls.push(body);
    return { ok: true, status: 200, json: async () => answer(body) } as Response;
  }) as unknown as typeof fetch;
  return calls;
}

function renderForm(lng = 'en') {
  const i18n = createI18n({ lng });
  i18n.addResourceBundle('en', 'help-centre', { settings: { contextualArticles: { label: 'Articles in the help box', help: 'How many articles the box lists.' } } });
  return render(<I18nextProvider i18n={i18n}><ModuleSettingsForm module={helpCentre} onSaved={() => undefined} /></I18nextProvider>);
}

describe('ModuleSettingsForm (generated from the settings schema)', () => {
  it('draws one labelled input per field, with the module’s own labels, the schema’s description and required markers', () => {
    mockApi(() => ({}));
    renderForm();
    expect((screen.getByLabelText(/^folder/) as HTMLInputElement).value).toBe('help');
    expect(screen.getByText('Folder of the articles')).toBeTruthy();
    const count = screen.getByRole('spinbutton', { name: /Articles in the help box/ }) as HTMLInputElement;
    expect(count.value).toBe('3');
    expect(count.required).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'policy' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'territory' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows each server error on its own field (aria-invalid, aria-describedby) and focuses the first one', async () => {
    const calls = mockApi(() => ({
      data: null,
      errors: [{ message: 'not valid', extensions: { code: 'BAD_USER_INPUT', issues: [{ path: 'contextualArticles', message: 'Too big: expected number to be <=10', code: 'too_big', params: { maximum: 10, origin: 'number' } }] } }],
    }));
    renderForm();
    const count = screen.getByRole('spinbutton', { name: /Articles in the help box/ });
    await userEvent.clear(count);
    await userEvent.type(count, '50');
    await userEvent.click(screen.getByRole('checkbox', { name: 'territory' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(count.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(count.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('Too big: at most 10.');
    expect(document.activeElement).toBe(count);
    expect(screen.getByLabelText(/^folder/).getAttribute('aria-invalid')).toBe('false');
    expect(calls[0].variables).toEqual({ moduleId: 'help-centre', settings: { folder: 'help', contextualPages: ['home', 'policy', 'territory'], contextualArticles: 50 } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it("writes a server problem in the reader's language from its code, never zod's English message", async () => {
    mockApi(() => ({
      data: null,
      errors: [{ message: 'not valid', extensions: { code: 'BAD_USER_INPUT', issues: [
        { path: 'contextualArticles', message: 'Too big: expected number to be <=10', code: 'too_big', params: { maximum: 10 } },
        { path: 'other', message: 'this module has no setting "other"', code: 'unknown-setting', params: { key: 'other' } },
      ] } }],
    }));
    renderForm('fr');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByText('Trop grand : au plus 10.')).toBeTruthy());
    expect(screen.getByText('other : Ce module n\'a pas de réglage « other ».')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Too big|no setting/);
  });

  it('announces a successful save in the status region', async () => {
    mockApi(() => ({ data: { updateModuleSettings: { ...helpCentre, settings: { ...helpCentre.settings, contextualArticles: 4 }, overrides: { contextualArticles: 4 }, hasOverrides: true } } }));
    renderForm();
    const count = screen.getByRole('spinbutton', { name: /Articles in the help box/ });
    await userEvent.clear(count);
    await userEvent.type(count, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Settings saved/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Settings saved/);
  });
});
