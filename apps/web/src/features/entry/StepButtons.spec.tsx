import { createI18n } from '@pilote/i18n';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { WorkflowItem } from './entryTypes';
import { StepButtons } from './StepButtons';

const item: WorkflowItem = {
  id: 'i-1', subjectKind: 'measure', indicatorId: 'IND-1', state: 'submitted', measureKind: 'VA', date: '2024-09-30', value: 30,
  weather: null, body: null, commentType: null, authorName: 'Agent', reason: null, nextSteps: ['validate', 'refuse'], submittedAt: null,
};

function renderButtons(rights: { propose: boolean; validate: boolean; publish: boolean }, onDone = jest.fn(), onError = jest.fn()) {
  render(
    <I18nextProvider i18n={createI18n({ lng: 'fr' })}>
      <StepButtons item={item} rights={rights} onDone={onDone} onError={onError} />
    </I18nextProvider>,
  );
  return { onDone, onError };
}

describe('StepButtons', () => {
  beforeEach(() => {
    global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
      if (url === '/auth/me') return { ok: true, status: 200, json: async () => ({ csrfToken: 'csrf-1' }) } as Response;
      const body = JSON.parse(String(init?.body)) as { variables: Record<string, unknown> };
      return { ok: true, status: 200, json: async () => ({ data: { refuseWorkflowItem: { id: body.variables.id, state: 'refused' } } }) } as Response;
    }) as unknown as typeof fetch;
  });

  it('shows no step to someone without the right', () => {
    renderButtons({ propose: true, validate: false, publish: false });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('refuses only with a reason, sent with the CSRF header', async () => {
    const { onDone } = renderButtons({ propose: false, validate: true, publish: false });
    expect(screen.getByRole('button', { name: 'Valider' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refuser' }));
    const confirm = within(await screen.findByRole('dialog')).getByRole('button', { name: 'Refuser' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(screen.getByLabelText(/Motif/), 'Valeur incohérente');
    await userEvent.click(confirm);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const call = (global.fetch as jest.Mock).mock.calls.find(([url]) => url === '/graphql')!;
    expect(call[1].headers['x-csrf-token']).toBe('csrf-1');
    expect(JSON.parse(call[1].body).variables).toEqual({ id: 'i-1', reason: 'Valeur incohérente' });
  });
});
