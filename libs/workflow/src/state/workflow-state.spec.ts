import { stepsFrom, transition, type WorkflowState, type WorkflowStep } from './workflow-state';

const go = (from: WorkflowState, step: WorkflowStep, extra: { reason?: string | null; byAuthor?: boolean; selfValidation?: boolean } = {}) =>
  transition({ from, step, reason: extra.reason, byAuthor: extra.byAuthor ?? true, selfValidation: extra.selfValidation });

describe('workflow state machine', () => {
  it('follows draft → submitted → validated → published', () => {
    expect(go('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(go('submitted', 'validate', { byAuthor: false })).toEqual({ ok: true, state: 'validated' });
    expect(go('validated', 'publish', { byAuthor: false })).toEqual({ ok: true, state: 'published' });
  });

  it('refuses only with a reason, from submitted or validated, and lets the author resubmit', () => {
    expect(go('submitted', 'refuse', { reason: '  ' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(go('submitted', 'refuse', { reason: 'Valeur incohérente avec 2023' })).toEqual({ ok: true, state: 'refused' });
    expect(go('validated', 'refuse', { reason: 'Erreur de source' })).toEqual({ ok: true, state: 'refused' });
    expect(go('refused', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(go('refused', 'save')).toEqual({ ok: true, state: 'draft' });
  });

  it('never skips validation, never reopens a published item', () => {
    expect(go('draft', 'publish')).toMatchObject({ ok: false, code: 'STEP_NOT_ALLOWED' });
    expect(go('submitted', 'publish')).toMatchObject({ ok: false, code: 'STEP_NOT_ALLOWED' });
    expect(go('draft', 'validate')).toMatchObject({ ok: false, code: 'STEP_NOT_ALLOWED' });
    for (const step of ['save', 'submit', 'validate', 'refuse', 'publish'] as const) {
      expect(go('published', step, { reason: 'x' })).toMatchObject({ ok: false, code: 'STEP_NOT_ALLOWED' });
    }
    expect(go('submitted', 'submit')).toMatchObject({ ok: false, message: expect.stringContaining('allowed from: draft, refused') });
  });

  it('lets only the author change or submit a draft', () => {
    expect(go('draft', 'submit', { byAuthor: false })).toMatchObject({ ok: false, code: 'NOT_AUTHOR' });
    expect(go('draft', 'save', { byAuthor: false })).toMatchObject({ ok: false, code: 'NOT_AUTHOR' });
  });

  it('refuses that an author validates their own proposal unless the instance allows it', () => {
    expect(go('submitted', 'validate', { byAuthor: true })).toMatchObject({ ok: false, code: 'OWN_PROPOSAL' });
    expect(go('submitted', 'validate', { byAuthor: true, selfValidation: true })).toEqual({ ok: true, state: 'validated' });
    expect(go('submitted', 'validate', { byAuthor: false })).toEqual({ ok: true, state: 'validated' });
  });

  it('lists the steps a state offers', () => {
    expect(stepsFrom('submitted')).toEqual(['validate', 'refuse']);
    expect(stepsFrom('validated')).toEqual(['refuse', 'publish']);
    expect(stepsFrom('published')).toEqual([]);
  });
});
