import { instanceConfigSchema } from '@pilote/core';
import { importPublishesDirectly } from './workflow-policy';

const workflow = (input: unknown) => instanceConfigSchema.shape.workflow.parse(input);

describe('workflow policy', () => {
  it('defaults to the safe policy: publishers only, no self-validation', () => {
    expect(workflow(undefined)).toEqual({ publishByImport: 'publishers', selfValidation: false, deadlineReminderDays: 3 });
    expect(workflow({})).toEqual({ publishByImport: 'publishers', selfValidation: false, deadlineReminderDays: 3 });
  });

  it('reads the former trustedImports key, the new key winning', () => {
    expect(workflow({ trustedImports: true }).publishByImport).toBe('importers');
    expect(workflow({ trustedImports: false }).publishByImport).toBe('publishers');
    expect(workflow({ trustedImports: true, publishByImport: 'publishers' }).publishByImport).toBe('publishers');
    expect(() => workflow({ publishByImport: 'everyone' })).toThrow();
  });

  it('publishes an import directly only for publishers, unless importers may', () => {
    expect(importPublishesDirectly({ publishByImport: 'publishers', selfValidation: false }, false)).toBe(false);
    expect(importPublishesDirectly({ publishByImport: 'publishers', selfValidation: false }, true)).toBe(true);
    expect(importPublishesDirectly({ publishByImport: 'importers', selfValidation: false }, false)).toBe(true);
  });
});
