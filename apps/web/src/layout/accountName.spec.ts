import { accountName } from './accountName';

const roles = [{ id: 'deconcentrated-service', label: { fr: 'Service déconcentré', en: 'Deconcentrated service' } }];
const demo = { user: { id: 'u', email: 'demo.deconcentrated-service@pilote.invalid', displayName: 'Démo deconcentrated-service' }, assignments: [{ roleId: 'deconcentrated-service', scope: { kind: 'territory', territoryCode: 'D22' } }], demoRoles: roles };

describe('accountName', () => {
  it("names a demo user after their role's name, in the reader's language", () => {
    expect(accountName(demo, 'fr', 'Mon espace')).toBe('Démo Service déconcentré');
    expect(accountName(demo, 'en', 'My space')).toBe('Démo Deconcentrated service');
  });

  it('keeps a real user’s name, and falls back to the e-mail then to the given word', () => {
    expect(accountName({ ...demo, user: { ...demo.user, displayName: 'Camille Martin' } }, 'fr', 'x')).toBe('Camille Martin');
    expect(accountName({ ...demo, user: { ...demo.user, displayName: null } }, 'fr', 'x')).toBe('demo.deconcentrated-service@pilote.invalid');
    expect(accountName({ user: null, assignments: [] }, 'fr', 'Mon espace')).toBe('Mon espace');
  });
});
