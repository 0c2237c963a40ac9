import { createI18n } from '@pilote/i18n';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { Job } from './jobsApi';
import { JobsTable } from './JobsTable';

const job = (id: string, state: string, lastError: string | null): Job => ({
  id, kind: 'notification.email', state, attempts: state === 'failed' ? 6 : 2, maxAttempts: 6, lastError, createdAt: '2026-12-05T08:00:00Z', runAfter: '2026-12-05T08:05:00Z',
});

describe('JobsTable', () => {
  it('lists jobs with their state, attempts and last error, and offers a named retry on parked ones only', async () => {
    const onRetry = jest.fn();
    render(
      <I18nextProvider i18n={createI18n({ lng: 'fr' })}>
        <JobsTable caption="Tâches : Mise de côté" jobs={[job('a', 'failed', 'SMTP: ECONNREFUSED'), job('b', 'retry', 'SMTP: ETIMEDOUT')]} onRetry={onRetry} busyId={null} />
      </I18nextProvider>,
    );
    const table = screen.getByRole('table', { name: 'Tâches : Mise de côté' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Type', 'État', 'Tentatives', 'Créée le', 'Dernière erreur', 'Action']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Mise de côté (tentatives épuisées)');
    expect(rows[0].textContent).toContain('6 sur 6');
    expect(rows[0].textContent).toContain('SMTP: ECONNREFUSED');
    expect(rows[1].textContent).toContain('En attente d’une nouvelle tentative — prochaine tentative');
    const buttons = within(table).getAllByRole('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].getAttribute('aria-label')).toMatch(/^Relancer la tâche notification\.email créée le /);
    await userEvent.click(buttons[0]);
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
  });

  it('speaks English too, and disables the button of a job being retried', () => {
    render(
      <I18nextProvider i18n={createI18n({ lng: 'en' })}>
        <JobsTable caption="Jobs" jobs={[job('a', 'failed', 'boom')]} onRetry={jest.fn()} busyId="a" />
      </I18nextProvider>,
    );
    expect(screen.getByText('Parked (out of attempts)')).toBeTruthy();
    expect((screen.getByRole('button', { name: /^Retry the job notification\.email created on / }) as HTMLButtonElement).disabled).toBe(true);
  });
});
