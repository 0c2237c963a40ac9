import path from 'node:path';
import { testInstance } from '@pilote/core/testing';
import { startTestKit, type TestKit } from '@pilote/module-sdk/testing';
import helpCentre from '../src/server';

type Article = { slug: string; title: string; pages: string[]; locale: string; body: string };

describe('help-centre module', () => {
  let kit: TestKit;
  const warnings: string[] = [];

  beforeAll(async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      warnings.push(String(chunk));
      return true;
    });
    kit = await startTestKit({ instance: testInstance({}, path.join(__dirname)), modules: [helpCentre] });
    jest.restoreAllMocks();
  });
  afterAll(() => kit?.close());

  const search = (variables: Record<string, unknown>) =>
    kit.graphql<{ helpArticles: Article[] }>(`query($search: String, $page: String, $locale: String) { helpArticles(search: $search, page: $page, locale: $locale) { slug title pages locale body } }`, variables);

  it('indexes the instance’s Markdown articles and skips broken files with a warning naming them', async () => {
    const all = await search({});
    expect(all.data!.helpArticles.map((a) => a.slug).sort()).toEqual(['exporter', 'reading-rates', 'taux-avancement']);
    expect(warnings.join('')).toMatch(/help\/no-title\.md line 1: title: /);
    expect(warnings.join('')).toMatch(/Broken_Name\.md: the file name must be lower-case/);
  });

  it('finds French articles by a stemmed word of their body (full-text search)', async () => {
    const result = await search({ search: 'indicateur', locale: 'fr' });
    expect(result.data!.helpArticles.map((a) => a.slug)).toEqual(['taux-avancement']);
    const plural = await search({ search: 'tableaux', locale: 'fr' });
    expect(plural.data!.helpArticles.map((a) => a.slug)).toEqual(['exporter']);
    const none = await search({ search: 'météorite', locale: 'fr' });
    expect(none.data!.helpArticles).toEqual([]);
  });

  it('lists the articles of a page in the asked language', async () => {
    const policy = await search({ page: 'policy', locale: 'fr' });
    expect(policy.data!.helpArticles.map((a) => a.slug)).toEqual(['taux-avancement']);
    const english = await search({ page: 'policy', locale: 'en', search: 'targets' });
    expect(english.data!.helpArticles.map((a) => a.slug)).toEqual(['reading-rates']);
  });

  it('returns one article with its Markdown body, and NOT_FOUND for an unknown one', async () => {
    const one = await kit.graphql<{ helpArticle: Article }>(`{ helpArticle(slug: "taux-avancement") { title body } }`);
    expect(one.data!.helpArticle.title).toBe("Comprendre le taux d'avancement");
    expect(one.data!.helpArticle.body).toContain('## Le calcul');
    const missing = await kit.graphql(`{ helpArticle(slug: "nope") { title } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].message).toBe('No help article "nope"');
  });

  it('is listed in instance.modules', async () => {
    const { data } = await kit.graphql<{ instance: { modules: { id: string }[] } }>(`{ instance { modules { id version } } }`);
    expect(data!.instance.modules).toEqual([{ id: 'help-centre', version: '0.1.0' }]);
  });
});
