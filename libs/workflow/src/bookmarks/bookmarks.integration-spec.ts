import { startWorkflowApp, type WorkflowTestApp } from '../../test/support';

/** Issue 20: favourites and saved views are each user's own, through GraphQL on the run's database. */
describe('favourites and saved views', () => {
  let app: WorkflowTestApp;

  beforeAll(async () => {
    app = await startWorkflowApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('stars and unstars, once each, with names; refuses an unknown target and leaves nothing', async () => {
    const star = (kind: string, id: string, on = true) => app.as<{ setFavourite: boolean }>('reader', `mutation($k: String!, $t: String!, $s: Boolean!) { setFavourite(kind: $k, targetId: $t, starred: $s) }`, { k: kind, t: id, s: on });
    expect((await star('policy', 'POL-W')).data!.setFavourite).toBe(true);
    expect((await star('policy', 'POL-W')).data!.setFavourite).toBe(true);
    expect((await star('territory', 'D13')).data!.setFavourite).toBe(true);
    expect((await star('indicator', 'IND-W')).data!.setFavourite).toBe(true);
    const unknown = await star('policy', 'NOPE');
    expect(unknown.errors?.[0].extensions).toMatchObject({ field: 'targetId' });
    expect(unknown.errors?.[0].message).toContain('No policy "NOPE"');
    const badKind = await star('ministry', 'X');
    expect(badKind.errors?.[0].extensions).toMatchObject({ field: 'kind' });
    const mine = await app.as<{ myFavourites: { kind: string; targetId: string; name: string; policyId: string | null }[] }>('reader', `{ myFavourites { kind targetId name policyId } }`);
    expect(mine.data!.myFavourites).toEqual([
      { kind: 'policy', targetId: 'POL-W', name: 'Politique de test du workflow', policyId: null },
      { kind: 'territory', targetId: 'D13', name: expect.stringContaining('Bouches') as string, policyId: null },
      { kind: 'indicator', targetId: 'IND-W', name: expect.any(String) as string, policyId: 'POL-W' },
    ]);
    expect((await star('policy', 'POL-W', false)).data!.setFavourite).toBe(false);
    const after = await app.as<{ myFavourites: { targetId: string }[] }>('reader', `{ myFavourites { targetId } }`);
    expect(after.data!.myFavourites.map((f) => f.targetId)).toEqual(['D13', 'IND-W']);
    // Someone else sees none of them; anonymous callers are refused.
    const other = await app.as<{ myFavourites: unknown[] }>('departmentalAgentD13', `{ myFavourites { targetId } }`);
    expect(other.data!.myFavourites).toEqual([]);
    const anonymous = await app.as('anonymous', `{ myFavourites { targetId } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('saves, lists, renames and deletes views; another user can neither see nor change them; bad input changes nothing', async () => {
    const saved = await app.as<{ saveView: { id: string; name: string; path: string } }>('reader', `mutation { saveView(name: " Bretagne vs Finistère ", path: "/compare?territories=R53,D29&policy=POL-W") { id name path } }`);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveView).toMatchObject({ name: 'Bretagne vs Finistère', path: '/compare?territories=R53,D29&policy=POL-W' });
    const id = saved.data!.saveView.id;
    for (const [name, path, field] of [['x', 'https://evil.example/', 'path'], ['x', '//evil.example/', 'path'], ['  ', '/', 'name'], ['y'.repeat(121), '/', 'name']]) {
      const refused = await app.as('reader', `mutation($n: String!, $p: String!) { saveView(name: $n, path: $p) { id } }`, { n: name, p: path });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const stolen = await app.as('departmentalAgentD13', `mutation($id: ID!) { renameSavedView(id: $id, name: "pris") { id } }`, { id });
    expect(stolen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const deletedByOther = await app.as('departmentalAgentD13', `mutation($id: ID!) { deleteSavedView(id: $id) }`, { id });
    expect(deletedByOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.as<{ mySavedViews: unknown[] }>('departmentalAgentD13', `{ mySavedViews { id } }`)).data!.mySavedViews).toEqual([]);
    const renamed = await app.as<{ renameSavedView: { name: string } }>('reader', `mutation($id: ID!) { renameSavedView(id: $id, name: "Comparaison bretonne") { name } }`, { id });
    expect(renamed.data!.renameSavedView.name).toBe('Comparaison bretonne');
    const list = await app.as<{ mySavedViews: { name: string }[] }>('reader', `{ mySavedViews { name path } }`);
    expect(list.data!.mySavedViews).toEqual([{ name: 'Comparaison bretonne', path: '/compare?territories=R53,D29&policy=POL-W' }]);
    expect((await app.as<{ deleteSavedView: boolean }>('reader', `mutation($id: ID!) { deleteSavedView(id: $id) }`, { id })).data!.deleteSavedView).toBe(true);
    expect((await app.as<{ mySavedViews: unknown[] }>('reader', `{ mySavedViews { id } }`)).data!.mySavedViews).toEqual([]);
  });
});
