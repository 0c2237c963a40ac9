import { z } from 'zod';
import { describeSettingsForm } from './describe-settings-form';

describe('describeSettingsForm (zod schema → admin form)', () => {
  const schema = z.object({
    title: z.string().min(2).max(40).describe('Title shown above the list'),
    folder: z.string().default('help'),
    count: z.number().int().min(1).max(10).default(3).meta({ title: 'Articles shown' }),
    ratio: z.number().min(0).optional(),
    enabled: z.boolean().default(true),
    mode: z.enum(['compact', 'full']).default('full'),
    pages: z.array(z.enum(['home', 'policy'])).default(['home']),
    tags: z.array(z.string()).max(5),
    contact: z.email().optional(),
    extra: z.record(z.string(), z.number()).optional(),
  });

  it('gives one field per key with its kind, label sources, default, bounds and required marker', () => {
    const { fields } = describeSettingsForm(schema);
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(fields.map((field) => field.key)).toEqual(['title', 'folder', 'count', 'ratio', 'enabled', 'mode', 'pages', 'tags', 'contact', 'extra']);
    expect(byKey.title).toEqual({ key: 'title', kind: 'string', required: true, description: 'Title shown above the list', min: 2, max: 40 });
    expect(byKey.folder).toEqual({ key: 'folder', kind: 'string', required: false, default: 'help' });
    expect(byKey.count).toEqual({ key: 'count', kind: 'integer', required: false, title: 'Articles shown', default: 3, min: 1, max: 10 });
    expect(byKey.ratio).toMatchObject({ kind: 'number', required: false, min: 0 });
    expect(byKey.enabled).toEqual({ key: 'enabled', kind: 'boolean', required: false, default: true });
    expect(byKey.mode).toEqual({ key: 'mode', kind: 'enum', required: false, default: 'full', options: ['compact', 'full'] });
    expect(byKey.pages).toEqual({ key: 'pages', kind: 'enum-list', required: false, default: ['home'], options: ['home', 'policy'] });
    expect(byKey.tags).toEqual({ key: 'tags', kind: 'string-list', required: true, max: 5 });
    expect(byKey.contact).toMatchObject({ kind: 'string', required: false, format: 'email' });
    expect(byKey.extra).toMatchObject({ kind: 'unsupported', required: false });
  });

  it('gives no field for a schema that is not an object', () => {
    expect(describeSettingsForm(z.string())).toEqual({ fields: [] });
  });
});
