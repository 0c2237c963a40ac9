/** @jest-environment jsdom */
import { setModuleSettings } from '@pilote/module-sdk/web';
import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import en from '../common/i18n/en.json';
import { HelpLink } from './HelpLink';

const articles = ['a', 'b', 'c', 'd'].map((slug) => ({ slug, title: `Article ${slug}`, excerpt: '', pages: ['home', 'policy'] }));

function mockArticles() {
  const fetchMock = jest.fn(async () => ({ ok: true, status: 200, json: async () => ({ data: { helpArticles: articles } }) }) as Response);
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', resources: { en: { 'help-centre': en } }, initAsync: false, interpolation: { escapeValue: false } });

const renderZone = (zoneId: string) => render(<I18nextProvider i18n={i18n}><MemoryRouter><HelpLink zoneId={zoneId} context={{}} /></MemoryRouter></I18nextProvider>);

/** The contextual help box follows the module's public settings (instance file + admin overrides). */
describe('HelpLink settings', () => {
  it('lists as many articles as contextualArticles says', async () => {
    mockArticles();
    setModuleSettings('help-centre', { contextualPages: ['home', 'policy'], contextualArticles: 2 });
    renderZone('home.aside');
    expect(await screen.findByText('Article a')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows nothing, and asks nothing, on a page left out of contextualPages', async () => {
    const fetchMock = mockArticles();
    setModuleSettings('help-centre', { contextualPages: ['home'], contextualArticles: 3 });
    const { container } = renderZone('policy.aside');
    await act(async () => undefined);
    expect(container.innerHTML).toBe('');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps three articles on every page when the settings say nothing', async () => {
    mockArticles();
    setModuleSettings('help-centre', {});
    renderZone('territory.main.after');
    expect(await screen.findByText('Article a')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});
