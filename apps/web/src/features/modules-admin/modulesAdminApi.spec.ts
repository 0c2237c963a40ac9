import type { AdminModuleFieldsFragment } from '../../api/generated/graphql';
import { enabledModuleOf } from './modulesAdminApi';

const raw: AdminModuleFieldsFragment = {
  id: 'help-centre', version: '1.0.0', displayName: { fr: 'Aide', en: 'Help' }, description: null, settings: { pages: 3 }, overrides: null,
  hasOverrides: false, restartNeeded: false, publicSettings: { pages: 3 },
  settingsForm: { fields: [{ key: 'pages', kind: 'integer', required: true, min: 1 }, { key: 'title', kind: 'string', required: false, default: null }] },
};

describe('enabledModuleOf: the admin answer\'s JSON checked, not cast', () => {
  it('keeps a well-formed module as it is', () => {
    expect(enabledModuleOf(raw)).toEqual(raw);
    const form = enabledModuleOf(raw).settingsForm;
    expect(form?.fields[0]).not.toHaveProperty('default');
    expect(form?.fields[1]).toHaveProperty('default', null);
  });

  it('drops what is malformed: a name falls back to the id, a form with an unknown kind is not drawn', () => {
    const module = enabledModuleOf({ ...raw, displayName: 'Aide', settings: [1], overrides: 'x', publicSettings: null, settingsForm: { fields: [{ key: 'pages', kind: 'date', required: true }] } });
    expect(module).toMatchObject({ displayName: { fr: 'help-centre', en: 'help-centre' }, settings: {}, overrides: null, publicSettings: {}, settingsForm: null });
  });
});
