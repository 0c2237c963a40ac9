import { createI18n } from '@pilote/i18n';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { SyncRun } from './sourcesApi';
import { SyncRunReport } from './SyncRunReport';

const run = (overrides: Partial<SyncRun>): SyncRun => ({
  id: 'r1', trigger: 'schedule', dryRun: false, status: 'published', rowsRead: 120, valuesAccepted: 118, valuesRefused: 0, valuesChanged: 12, ratesChanged: 30,
  errorCode: null, errorMessage: null, issues: [], startedAt: '2026-12-05T06:00:00Z', durationMs: 2400, ...overrides,
});

describe('SyncRunReport', () => {
  it('says in French what a run read, accepted, refused and changed, and where each refused value is', () => {
    render(
      <I18nextProvider i18n={createI18n({ lng: 'fr' })}>
        <SyncRunReport run={run({ status: 'invalid', valuesRefused: 1, issues: [{ code: 'unknownTerritory', line: 8, column: 'zone', value: 'D999' }] })} />
      </I18nextProvider>,
    );
    expect(screen.getByText(/^Valeurs refusées, rien n’est écrit \(planifiée, /)).toBeTruthy();
    expect(screen.getByText('120 enregistrements lus, 118 valeurs acceptées, 1 refusées, 12 modifiées, 30 taux modifiés, 2.4 s')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Valeurs refusées' });
    expect(list.textContent).toBe('Enregistrement 7, zone « D999 » : territoire inconnu');
  });

  it('names a failing source in English with its message', () => {
    render(
      <I18nextProvider i18n={createI18n({ lng: 'en' })}>
        <SyncRunReport run={run({ status: 'failed', trigger: 'manual', errorCode: 'SOURCE_RATE_LIMITED', errorMessage: 'https://api.example/x?key=… asks to slow down (HTTP 429, retry after 120 s)' })} />
      </I18nextProvider>,
    );
    expect(screen.getByText(/^Source failed, nothing written \(by hand, /)).toBeTruthy();
    expect(screen.getByText('Source asks to slow down — https://api.example/x?key=… asks to slow down (HTTP 429, retry after 120 s)')).toBeTruthy();
  });
});
