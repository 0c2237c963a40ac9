import { act, screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { clearWidgets, getWidgets, registerWidget, type ZoneWidgetProps } from './registry';
import { Zone } from './Zone';

afterEach(() => clearWidgets());

const Hello = ({ context }: ZoneWidgetProps) => <p>Hello {String(context.territoryCode)}</p>;

describe('Zone registry', () => {
  it('renders the widgets registered for its id, in order, with the zone context', () => {
    registerWidget('home.aside', () => <p>second</p>, { id: 'b', order: 200 });
    registerWidget('home.aside', Hello, { id: 'a', order: 10 });
    registerWidget('policy.aside', () => <p>elsewhere</p>, { id: 'c' });
    renderWithProviders(<Zone id="home.aside" context={{ territoryCode: 'FR' }} />);
    const texts = screen.getAllByText(/Hello|second|elsewhere/).map((n) => n.textContent);
    expect(texts).toEqual(['Hello FR', 'second']);
  });

  it('updates when a widget is registered after the first render, and unregisters', () => {
    renderWithProviders(<Zone id="home.top" context={{ territoryCode: 'X' }} />);
    expect(screen.queryByText('Hello X')).toBeNull();
    let unregister = () => undefined as void;
    act(() => {
      unregister = registerWidget('home.top', Hello, { id: 'hello' });
    });
    expect(screen.getByText('Hello X')).toBeTruthy();
    act(() => unregister());
    expect(screen.queryByText('Hello X')).toBeNull();
  });

  it('replaces a widget registered twice with the same id', () => {
    registerWidget('z', () => <p>v1</p>, { id: 'w' });
    registerWidget('z', () => <p>v2</p>, { id: 'w' });
    expect(getWidgets('z')).toHaveLength(1);
  });

  it('isolates a failing widget from the page', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new Error('boom');
    };
    registerWidget('home.aside', Broken, { id: 'broken' });
    registerWidget('home.aside', Hello, { id: 'ok' });
    renderWithProviders(<Zone id="home.aside" context={{ territoryCode: 'FR' }}><p>kit content</p></Zone>);
    expect(screen.getByText('kit content')).toBeTruthy();
    expect(screen.getByText('Hello FR')).toBeTruthy();
    spy.mockRestore();
  });
});
