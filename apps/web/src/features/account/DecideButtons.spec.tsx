import { createI18n } from '@pilote/i18n';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { AccessRequest } from './accountApi';
import { DecideButtons } from './DecideButtons';

const request: AccessRequest = {
  id: 'r-1', requesterEmail: 'agent@test.gouv.fr', roleId: 'reader', reason: 'Suivi', status: 'pending', source: 'app',
  decisionReason: null, decidedAt: null, createdAt: '2026-11-28T10:00:00Z', scope: { kind: 'territory', territoryCode: 'D13', ids: null, policyIds: null, taxonomyIds: null },
};

function answer(body: unknown): Response {
  return { ok: true, status: 200, json: async () => body } as Response;
}

describe('DecideButtons', () => {
  let graphqlAnswer: unknown;
  beforeEach(() => {
    graphqlAnswer = { data: { decideAccessRequest: { ...request, status: 'refused' } } };
    global.fetch = jest.fn(async (url: string) => (url === '/auth/me' ? answer({ csrfToken: 'csrf-1' }) : answer(graphqlAnswer))) as unknown as typeof fetch;
  });

  it('refuses only with a reason, sent with the CSRF header', async () => {
    const onDecided = jest.fn();
    render(<I18nextProvider i18n={createI18n({ lng: 'fr' })}><DecideButtons request={request} onDecided={onDecided} /></I18nextProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Refuser la demande de agent@test.gouv.fr' }));
    const confirm = screen.getByRole('button', { name: 'Confirmer le refus' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Motif du refus/), 'Hors périmètre');
    await userEvent.click(confirm);
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(false));
    const call = (global.fetch as jest.Mock).mock.calls.find(([url]) => url === '/graphql')!;
    expect(call[1].headers['x-csrf-token']).toBe('csrf-1');
    expect(JSON.parse(call[1].body).variables).toEqual({ id: 'r-1', approve: false, reason: 'Hors périmètre' });
  });

  it('shows the API refusal (e.g. a role above the manager\'s) and does not report a decision', async () => {
    graphqlAnswer = { errors: [{ message: 'You may only hand out roles below yours.', extensions: { code: 'FORBIDDEN' } }] };
    const onDecided = jest.fn();
    render(<I18nextProvider i18n={createI18n({ lng: 'fr' })}><DecideButtons request={request} onDecided={onDecided} /></I18nextProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter la demande de agent@test.gouv.fr' }));
    expect((await screen.findByRole('alert')).textContent).toContain('roles below yours');
    expect(onDecided).not.toHaveBeenCalled();
  });

  it('says a known refusal in the reader\'s language (the API writes English)', async () => {
    graphqlAnswer = { errors: [{ message: 'You cannot decide your own access request: another manager of this scope must.', extensions: { code: 'FORBIDDEN', reason: 'OWN_REQUEST' } }] };
    render(<I18nextProvider i18n={createI18n({ lng: 'fr' })}><DecideButtons request={request} onDecided={jest.fn()} /></I18nextProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter la demande de agent@test.gouv.fr' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vous ne pouvez pas décider de votre propre demande : un autre gestionnaire de ce périmètre doit le faire.');
  });
  it('says which quota refused the approval, its limit and its use, in French and in English (ADR 037)', async () => {
    graphqlAnswer = { errors: [{ message: 'Bouches-du-Rhône (D13) already has 1 people with the role "reader": its quota is 1 (rights.roleQuotas.reader).', extensions: { code: 'CONFLICT', reason: 'QUOTA_REACHED', field: 'roleId', details: { quota: 'role', roleId: 'reader', territoryCode: 'D13', territoryName: 'Bouches-du-Rhône', limit: 1, used: 1, source: 'config' } } }] };
    const onDecided = jest.fn();
    const { unmount } = render(<I18nextProvider i18n={createI18n({ lng: 'fr' })}><DecideButtons request={request} onDecided={onDecided} /></I18nextProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Accepter la demande de agent@test.gouv.fr' }));
    expect((await screen.findByRole('alert')).textContent).toBe("Quota atteint pour Bouches-du-Rhône (D13) : 1 personne a déjà ce rôle, pour une limite de 1. Rien n'a été changé : retirez ce rôle à quelqu'un, ou demandez à un administrateur d'augmenter ce quota.");
    unmount();
    render(<I18nextProvider i18n={createI18n({ lng: 'en' })}><DecideButtons request={request} onDecided={onDecided} /></I18nextProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Approve the request of agent@test.gouv.fr' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Quota reached in Bouches-du-Rhône (D13): 1 person already has this role, and the limit is 1. Nothing was changed');
    expect(onDecided).not.toHaveBeenCalled();
  });
});
