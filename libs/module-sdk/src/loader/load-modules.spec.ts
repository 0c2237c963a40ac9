import { UserFacingError } from '@pilote/core';
import minimal from '../../test/fixtures/minimal.module';
import rich from '../../test/fixtures/rich.module';
import { badId, badVersion, cycleA, cycleB, futureKit, needsMissing, strictSettings } from '../../test/fixtures/invalid.modules';
import { loadModules, validateModules } from './load-modules';
import { formatModuleProblem } from './module-problem';
import { resolverWith } from './resolve-module-package';

const kitVersion = '0.1.0';
const resolve = resolverWith([minimal, rich, badId, cycleA, cycleB, futureKit, strictSettings, needsMissing, badVersion], () => ({ found: false, reason: 'no package @pilote/module-ghost' }));

describe('module loader', () => {
  it('orders modules after their dependencies and applies settings defaults', () => {
    const loaded = loadModules([{ id: 'rich', settings: { greeting: 'Salut' } }, { id: 'minimal' }], { kitVersion, resolve });
    expect(loaded.modules.map((module) => module.id)).toEqual(['minimal', 'rich']);
    expect(loaded.modules[1].settings).toEqual({ greeting: 'Salut', limit: 3 });
    expect(loaded.migrations.map((migration) => migration.name)).toEqual(['CreateRichNotes1767225600001']);
    expect(loaded.nestModules).toHaveLength(1);
    expect(loaded.info().map(({ id, version }) => `${id}@${version}`)).toEqual(['minimal@1.0.0', 'rich@2.1.0']);
    expect(loaded.exportsOf('rich')).toEqual({ answer: 42 });
    expect(loaded.connector('rich/constant')?.id).toBe('constant');
    expect(loaded.permissions).toEqual([{ moduleId: 'rich', declarations: [expect.objectContaining({ subject: 'RichNote' })] }]);
  });

  it('reports every problem at once, each with the module and the path', () => {
    const { problems, skipped } = validateModules(
      [
        { id: 'Bad_Id' },
        { id: 'cycle-a' },
        { id: 'cycle-b' },
        { id: 'future-kit' },
        { id: 'strict-settings', settings: { level: 'COM' } },
        { id: 'needs-missing' },
        { id: 'ghost' },
        { id: 'minimal' },
        { id: 'minimal' },
        { id: 'bad-version' },
        { id: 'rich', settings: { limit: 50 } },
      ],
      { kitVersion, resolve },
    );
    const lines = problems.map(formatModuleProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^modules\[0\] "Bad_Id" → manifest\.id: expected lower-case letters/),
        expect.stringMatching(/^modules\[1\] "cycle-a" → manifest\.dependsOn: dependency cycle: cycle-a → cycle-b → cycle-a$/),
        'modules[3] "future-kit" → manifest.kitRange: requires kit ^9.0.0, this kit is 0.1.0; upgrade the module or the kit',
        expect.stringMatching(/^modules\[4\] "strict-settings" → settings\.level: .*"REG"/),
        expect.stringMatching(/^modules\[4\] "strict-settings" → settings\.max: /),
        expect.stringMatching(/^modules\[5\] "needs-missing" → manifest\.dependsOn\.0: depends on "not-enabled", which is not enabled/),
        expect.stringMatching(/^modules\[8\] "minimal" → id: listed twice \(also modules\[0\]|^modules\[8\] "minimal" → id: listed twice/),
        expect.stringMatching(/^modules\[9\] "bad-version" → manifest\.version: expected a semantic version/),
        expect.stringMatching(/^modules\[9\] "bad-version" → manifest\.displayName\.en: /),
        expect.stringMatching(/^modules\[10\] "rich" → settings\.limit: /),
      ]),
    );
    // one cycle is one problem, not one per member
    expect(lines.filter((line) => line.includes('dependency cycle'))).toHaveLength(1);
    expect(problems).toHaveLength(10);
    // a package that is not installed is skipped, not fatal (ADR 029)
    expect(skipped.map(formatModuleProblem)).toEqual(['modules[6] "ghost": no package @pilote/module-ghost; the instance starts without it']);
  });

  it('throws one user-facing error naming the configuration file and each problem', () => {
    let error: unknown;
    try {
      loadModules([{ id: 'future-kit' }, { id: 'minimal', settings: { colour: 'red' } }], { kitVersion, resolve, configFile: 'examples/x/pilote.config.ts' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserFacingError);
    const text = (error as UserFacingError).format();
    expect(text).toContain('2 problems with the modules in examples/x/pilote.config.ts');
    expect(text).toContain('modules[0] "future-kit" → manifest.kitRange');
    expect(text).toContain('modules[1] "minimal" → settings.colour: this module takes no settings');
    expect((error as UserFacingError).code).toBe('MODULES_INVALID');
  });

  it('accepts a kit version inside the range and an empty module list', () => {
    expect(loadModules([], { kitVersion, resolve }).modules).toEqual([]);
    expect(validateModules([{ id: 'minimal' }], { kitVersion: '3.4.5', resolve }).problems).toEqual([]);
    expect(validateModules([{ id: 'rich' }, { id: 'minimal' }], { kitVersion: '1.0.0', resolve }).problems.map((p) => p.path)).toEqual(['manifest.kitRange']);
  });
});
