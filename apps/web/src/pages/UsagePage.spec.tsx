import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderWithProviders } from '../../../../libs/ui/test/render';
import { clearQueryCache } from '../api/useQuery';
import type { Instance } from '../api/types';
import { pageViewOf } from '../features/usage/pageKind';
import { defaultRange } from '../features/usage/usageApi';
import { InstanceContext } from '../instance/InstanceContext';
import type { Session } from '../session/SessionContext';
import UsagePage from './UsagePage';

let session: Session;
jest.mock('../session/SessionContext', () => ({ useSession: () => session }));
jest.mock('../features/usage/UsageChart', () => ({
  __esModule: true,
  default: ({ points, title }: { points: { label: string; activeUsers: number }[]; title: string }) => <p>{`chart ${title}: ${points.map((p) => `${p.label}=${p.activeUsers}`).join(', ')}`}</p>,
}));

const instance = {
  id: 'test', name: 'Test', locales: ['fr', 'en'], defaultLocale: 'fr', theme: null, vocabulary: {}, weatherLevels: [], commentTypes: [], footerLinks: [], accessibility: null, demoMode: false, version: '0',
  levels: [{ id: 'DEPT', label: { fr: 'Département', en: 'Department' }, rank: 2, hasMap: true, perimeter: false }],
} as unknown as Instance;

const signedIn = (rules: { action: string; subject: string }[]): Session => ({
  info: { authenticated: true, user: { id: 'u', email: 'a@b.fr', displayName: null }, rules, assignments: [], loginAvailable: true, demoLogin: false },
  loaded: true, may: (action, subject) => rules.some((r) => (r.action === action || r.action === 'manage') && (r.subject === subject || r.subject === 'all')), refresh: () => undefined,
});

const figures = (views: number) => ({
  from: '2026-11-07', to: '2026-12-06', granularity: 'DAY', retentionDays: 400,
  points: [
    { periodStart: '2026-12-05', activeUsers: 3, views: views ? 10 : 0, byRole: [{ key: 'admin', count: 1 }, { key: 'reader', count: 2 }] },
    { periodStart: '2026-12-06', activeUsers: 2, views: views ? 5 : 0, byRole: [{ key: 'reader', count: 2 }] },
  ],
  viewsByRole: views ? [{ key: 'reader', count: 9 }, { key: 'public', count: 4 }, { key: 'admin', count: 2 }] : [],
  viewsByLevel: views ? [{ key: 'DEPT', count: 8 }, { key: '', count: 7 }] : [],
  pages: views ? [{ key: 'territory', count: 8 }, { key: 'home', count: 7 }] : [],
  territories: views ? [{ code: 'D13', name: 'Bouches-du-Rhône', level: 'DEPT', views: 8 }] : [],
  roles: [{ id: 'admin', label: { fr: 'Administrateur', en: 'Administrator' } }, { id: 'reader', label: { fr: 'Lecteur', en: 'Reader' } }],
});

let asked: { query: string; variables: Record<string, unknown> }[] = [];
function answerWith(body: unknown) {
  asked = [];
  global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
    asked.push(JSON.parse(init.body as string));
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
}

function renderAt(url: string, lng = 'fr') {
  return renderWithProviders(
    <InstanceContext.Provider value={instance}><MemoryRouter initialEntries={[url]}><UsagePage /></MemoryRouter></InstanceContext.Provider>,
    { lng },
  );
}

beforeEach(() => clearQueryCache());

describe('UsagePage (/admin/usage)', () => {
  it('shows active users over time, views by role and level, pages and territories, and the retention', async () => {
    session = signedIn([{ action: 'manage', subject: 'all' }]);
    answerWith({ data: { usageFigures: figures(15) } });
    renderAt('/admin/usage');
    expect(await screen.findByText(/^chart Utilisateurs actifs par jour: 5 déc\.=3, 6 déc\.=2$/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(asked[0].variables).toEqual({ ...defaultRange('DAY'), granularity: 'DAY' });
    const roles = screen.getByRole('table', { name: /Pages vues par rôle/ });
    const rows = within(roles).getAllByRole('row').slice(1).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(rows).toEqual([['Lecteur', '9', '2'], ['Visiteurs non connectés', '4', '—'], ['Administrateur', '2', '0']]);
    const levels = screen.getByRole('table', { name: /niveau de territoire/ });
    expect(within(levels).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Département', 'Sans territoire']);
    const pages = screen.getByRole('table', { name: 'Pages vues par type de page' });
    expect(within(pages).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Page territoire', 'Accueil']);
    expect(screen.getByRole('table', { name: 'Le territoire le plus consulté' }).textContent).toContain('Bouches-du-Rhône (D13)');
    expect(screen.getByText(/gardés 400 jours, puis supprimés chaque nuit/)).toBeTruthy();
  });

  it('asks by month when the address says so, and says when there is nothing yet (in English too)', async () => {
    session = signedIn([{ action: 'manage', subject: 'all' }]);
    answerWith({ data: { usageFigures: { ...figures(0), granularity: 'MONTH', points: [{ periodStart: '2026-12-01', activeUsers: 0, views: 0, byRole: [] }] } } });
    renderAt('/admin/usage?by=MONTH', 'en');
    expect(await screen.findByText('No usage yet in the period')).toBeTruthy();
    expect(asked[0].variables.granularity).toBe('MONTH');
    expect(screen.getByText(/kept 400 days/)).toBeTruthy();
  });

  it('refuses a reader without read Usage, without asking the server', async () => {
    session = signedIn([{ action: 'read', subject: 'Dashboard' }]);
    answerWith({ data: null });
    renderAt('/admin/usage');
    expect(await screen.findByText('La fréquentation est réservée aux administrateurs de l’instance.')).toBeTruthy();
    expect(asked).toEqual([]);
  });
});

describe('pageViewOf (what a page view reports)', () => {
  it('reports the kind of page and the territory, never the address', () => {
    expect(pageViewOf('/', '?territory=D13&sort=rate')).toEqual({ kind: 'HOME', territoryCode: 'D13' });
    expect(pageViewOf('/territories/R84', '')).toEqual({ kind: 'TERRITORY', territoryCode: 'R84' });
    expect(pageViewOf('/policies/P-1', '?territory=D29')).toEqual({ kind: 'POLICY', territoryCode: 'D29' });
    expect(pageViewOf('/admin/usage', '?territory=D13')).toEqual({ kind: 'ADMIN', territoryCode: null });
    expect(pageViewOf('/help/some-article', '')).toEqual({ kind: 'OTHER', territoryCode: null });
    expect(pageViewOf('/embed/policy-gauge/P-1', '')).toBeNull();
    expect(pageViewOf('/print/policy/P-1', '?territory=D13')).toBeNull();
  });
});
