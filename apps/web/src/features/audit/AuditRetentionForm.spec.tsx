import { createI18n } from '@pilote/i18n';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { AuditRetention } from './auditRetentionApi';
import { AuditRetentionForm } from './AuditRetentionForm';

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

const fromConfig: AuditRetention = { days: 365, source: 'CONFIG', changedBy: null, changedAt: null, reason: null };

function renderForm(onSaved: (saved: AuditRetention) => void = () => undefined, lng = 'en') {
  return render(<I18nextProvider i18n={createI18n({ lng })}><AuditRetentionForm current={fromConfig} onSaved={onSaved} /></I18nextProvider>);
}

describe('AuditRetentionForm', () => {
  it('refuses out-of-bounds days and a missing reason under their fields, without calling the server', async () => {
    const calls = mockApi(() => ({}));
    renderForm();
    const days = screen.getByRole('spinbutton', { name: /Number of days/ });
    await userEvent.clear(days);
    await userEvent.type(days, '10');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/from 30 to 36,500/)).toBeTruthy();
    expect(screen.getByText('Give the reason of the change.')).toBeTruthy();
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('sends the days and the reason, or null for "keep everything"', async () => {
    const saved: AuditRetention = { days: null, source: 'SCREEN', changedBy: 'admin@test.gouv.fr', changedAt: '2026-12-05T10:00:00Z', reason: 'Legal hold' };
    const calls = mockApi(() => ({ data: { setAuditRetention: saved } }));
    const onSaved = jest.fn();
    renderForm(onSaved);
    await userEvent.click(screen.getByRole('radio', { name: 'Keep everything' }));
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), 'Legal hold');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(calls[0].variables).toEqual({ days: null, reason: 'Legal hold' });
  });

  it('shows the server refusal of a field under that field', async () => {
    mockApi(() => ({ errors: [{ message: 'days must be a whole number from 30 to 36500', extensions: { code: 'BAD_USER_INPUT', field: 'days' } }] }));
    renderForm();
    await userEvent.type(screen.getByRole('textbox', { name: /Reason/ }), 'Review');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Enter a whole number of days from 30 to 36,500/)).toBeTruthy();
  });

  it('says the bounds in French digits on a French page', async () => {
    mockApi(() => ({}));
    renderForm(undefined, 'fr');
    // French groups thousands with a narrow no-break space: « 36 500 », never « 36500 ».
    expect(screen.getByText(/^De 30 à 36\s500 jours\.$/u)).toBeTruthy();
    expect(screen.queryByText(/36500/)).toBeNull();
  });
});
