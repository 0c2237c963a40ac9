import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { applyPatch, buildHref, readBool, readList } from './urlState';
import { useUrlState } from './useUrlState';

describe('urlState helpers', () => {
  it('sets, joins lists, removes empty values and sorts keys for stable links', () => {
    const next = applyPatch(new URLSearchParams('territory=FR&q=old'), { q: '', tax: ['a', 'b'], alerts: true, level: 'REG', sort: null });
    expect(next.toString()).toBe('alerts=1&level=REG&tax=a%2Cb&territory=FR');
    expect(readList(next, 'tax')).toEqual(['a', 'b']);
    expect(readBool(next, 'alerts')).toBe(true);
    expect(applyPatch(next, { alerts: false, tax: [] }).toString()).toBe('level=REG&territory=FR');
  });

  it('builds internal links that keep the language only', () => {
    const current = new URLSearchParams('lang=en&territory=FR&q=x');
    expect(buildHref('/policies/p1', current, { territory: 'DEPT-13' })).toBe('/policies/p1?lang=en&territory=DEPT-13');
    expect(buildHref('/', new URLSearchParams('q=x'))).toBe('/');
  });
});

describe('useUrlState', () => {
  function setup(initial: string) {
    const location: { current?: ReturnType<typeof useLocation> } = {};
    const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
    const hook = renderHook(() => {
      location.current = useLocation();
      return useUrlState();
    }, { wrapper });
    return { hook, location };
  }

  it('reads the view state from the URL', () => {
    const { hook } = setup('/?territory=DEPT-13&tax=a,b&alerts=1&sort=rate:desc');
    expect(hook.result.current.get('territory')).toBe('DEPT-13');
    expect(hook.result.current.getList('tax')).toEqual(['a', 'b']);
    expect(hook.result.current.getBool('alerts')).toBe(true);
    expect(hook.result.current.get('sort')).toBe('rate:desc');
  });

  it('writes state changes into the URL, keeping the other params', () => {
    const { hook, location } = setup('/?lang=en&territory=FR');
    act(() => hook.result.current.set({ territory: 'REG-84', level: 'REG' }));
    expect(location.current?.search).toBe('?lang=en&level=REG&territory=REG-84');
    act(() => hook.result.current.set({ level: null }));
    expect(location.current?.search).toBe('?lang=en&territory=REG-84');
    expect(hook.result.current.href('/territories/REG-84')).toBe('/territories/REG-84?lang=en');
  });
});
