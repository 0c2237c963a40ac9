import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { renderWithProviders } from '../../../../../libs/ui/test/render';
import { clearQueryCache } from '../../api/useQuery';
import { AsOfBar } from './AsOfBar';
import { type AsOfBefore, useAsOfComparison } from './useAsOfComparison';

const QUERY = 'query Before($code: String!, $asOf: String) { x(code: $code, asOf: $asOf) { value } }';
let asked: Record<string, unknown>[] = [];

beforeEach(() => {
  clearQueryCache();
  asked = [];
  global.fetch = jest.fn(async (_url: string, init: RequestInit) => {
    const { variables } = JSON.parse(init.body as string) as { variables: Record<string, unknown> };
    asked.push(variables);
    return { ok: true, status: 200, json: async () => ({ data: { x: { value: variables.asOf === '2024-12-31' ? 50 : 54 } } }) } as Response;
  }) as unknown as typeof fetch;
});

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderAt(url: string, now: number | null) {
  return renderWithProviders(
    <MemoryRouter initialEntries={[url]}>
      <AsOfBar<{ x: { value: number } }> now={now} before={{ query: QUERY, variables: { code: 'D29' }, pick: (data) => data.x.value }} />
      <Location />
    </MemoryRouter>,
    { lng: 'fr' },
  );
}

/** A page that also reads its table's rows from the comparison: it passes its own answer to the bar. */
function PageWithRows({ now }: { now: number }) {
  const before: AsOfBefore<{ x: { value: number } }> = { query: QUERY, variables: { code: 'D29' }, pick: (data) => data.x.value };
  const comparison = useAsOfComparison(before);
  return (
    <>
      <AsOfBar now={now} before={before} comparison={comparison} />
      {comparison.data && <output data-testid="rows">{comparison.data.x.value}</output>}
    </>
  );
}

describe('<AsOfBar>: the date a page is read at, and its comparison with the previous period', () => {
  it('reads a shared link\'s date, compares with 31 December of the year before, in points with its direction', async () => {
    renderAt('/?asOf=2025-06-30&compare=1', 58);
    const delta = await screen.findByTestId('as-of-delta');
    expect(asked).toEqual([{ code: 'D29', asOf: '2024-12-31' }]);
    expect(delta.textContent).toBe('▲ +8\u00a0pts depuis le 31 déc. 2024 (en hausse)');
    expect(delta.getAttribute('data-direction')).toBe('up');
    expect(screen.getByTestId('as-of-reading').textContent).toBe('Lecture au 30 juin 2025 : valeurs datées de ce jour ou avant');
    expect((screen.getByLabelText('Valeurs au', { selector: 'input' }) as HTMLInputElement).value).toBe('2025-06-30');
  });

  it('compares only on demand: the button puts compare=1 in the URL, then the previous year\'s end is asked', async () => {
    renderAt('/?territory=D29', 50);
    expect(asked).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^Comparer au 31 déc\. \d{4}$/ }));
    await screen.findByTestId('as-of-delta');
    expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('compare')).toBe('1');
    expect(asked).toHaveLength(1);
  });

  it('puts a chosen date in the URL; "today" removes it; a date after today is refused and changes nothing', async () => {
    renderAt('/?territory=D29', 50);
    const input = screen.getByLabelText('Valeurs au', { selector: 'input' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2025-03-31' } });
    await waitFor(() => expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('asOf')).toBe('2025-03-31'));
    fireEvent.change(input, { target: { value: '2999-01-01' } });
    expect(await screen.findByText('Date invalide : choisissez un jour, au plus tard aujourd’hui.')).toBeTruthy();
    expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('asOf')).toBe('2025-03-31');
    fireEvent.click(screen.getByRole('button', { name: 'Revenir à aujourd’hui' }));
    await waitFor(() => expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('asOf')).toBeNull());
    expect(new URLSearchParams(screen.getByTestId('location').textContent ?? '').get('territory')).toBe('D29');
  });

  it('says when there is no rate to compare with', async () => {
    renderAt('/?asOf=2025-06-30&compare=1', null);
    expect((await screen.findByTestId('as-of-delta')).textContent).toBe('Pas de taux au 31 déc. 2024 pour comparer');
  });

  it('with the page\'s own comparison, asks the previous year\'s end once for the headline and the rows', async () => {
    renderWithProviders(<MemoryRouter initialEntries={['/?asOf=2025-06-30&compare=1']}><PageWithRows now={58} /></MemoryRouter>, { lng: 'en' });
    expect((await screen.findByTestId('as-of-delta')).textContent).toBe('▲ +8\u00a0pts since Dec 31, 2024 (up)');
    expect(screen.getByTestId('rows').textContent).toBe('50');
    expect(asked).toEqual([{ code: 'D29', asOf: '2024-12-31' }]);
  });
});
