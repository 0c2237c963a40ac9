import { createI18n } from '@pilote/i18n';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import LoginPage from './LoginPage';

function mockMe(me: Record<string, unknown>) {
  const fn = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/auth/me') return { ok: true, status: 200, json: async () => me } as Response;
    if (url === '/auth/demo-login') return { ok: true, status: 200, json: async () => ({ demo: true, body: init?.body }) } as Response;
    return { ok: false, status: 404, json: async () => ({}) } as Response;
  });
  global.fetch = fn as unknown as typeof fetch;
  return fn;
}

function renderAt(path: string, lng = 'en') {
  return render(
    <I18nextProvider i18n={createI18n({ lng })}>
      <MemoryRouter initialEntries={[path]}><LoginPage /></MemoryRouter>
    </I18nextProvider>,
  );
}

const anonymous = { authenticated: false, user: null, loginAvailable: true, demoLogin: false };

describe('LoginPage', () => {
  it('offers the identity provider, keeping a same-site return path only', async () => {
    mockMe(anonymous);
    renderAt('/login?returnTo=/policies/P-1');
    const button = await screen.findByRole('link', { name: /sign in with proconnect/i });
    expect(button.getAttribute('href')).toBe('/auth/login?returnTo=%2Fpolicies%2FP-1');
    expect(screen.queryByText(/demo mode/i)).toBeNull();
  });

  it('explains a failed login from its code, in the page language, and never shows URL text', async () => {
    mockMe(anonymous);
    renderAt('/login?error=unknown_user&returnTo=https://evil.example', 'fr');
    expect(await screen.findByText(/Aucun compte n’existe pour cette adresse/)).toBeTruthy();
    expect((await screen.findByRole('link', { name: /ProConnect/ })).getAttribute('href')).toBe('/auth/login?returnTo=%2F');
    mockMe(anonymous);
    renderAt('/login?error=<script>alert(1)</script>');
    expect(await screen.findByText(/Sign-in failed\. Try again/)).toBeTruthy();
    expect(screen.queryByText(/alert\(1\)/)).toBeNull();
  });

  it('shows the demo notice and signs in as the chosen role on a demo instance', async () => {
    const fn = mockMe({ ...anonymous, loginAvailable: false, demoLogin: true, demoRoles: [{ id: 'admin', label: { en: 'Administrator' } }, { id: 'reader', label: { en: 'Reader' } }] });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom cannot navigate
    renderAt('/login');
    expect(await screen.findByText(/This instance is a demo/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /ProConnect/ })).toBeNull();
    await userEvent.click(screen.getByRole('combobox', { name: /role/i }));
    await userEvent.click(await screen.findByRole('option', { name: 'Reader' }));
    await userEvent.click(screen.getByRole('button', { name: /enter the demo/i }));
    await waitFor(() => expect(fn.mock.calls.some(([url]) => url === '/auth/demo-login')).toBe(true));
    const demoCall = fn.mock.calls.find(([url]) => url === '/auth/demo-login');
    expect(JSON.parse(String(demoCall?.[1]?.body))).toEqual({ role: 'reader' });
    expect(screen.queryByText(/demo sign-in failed/i)).toBeNull();
    quiet.mockRestore();
  });

  it('says when login is not configured at all', async () => {
    mockMe({ ...anonymous, loginAvailable: false });
    renderAt('/login');
    expect(await screen.findByText(/Login is not configured on this instance/)).toBeTruthy();
  });
});
