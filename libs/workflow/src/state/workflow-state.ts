/** Where a proposal is: the steps of issue 7, in order. */
export const WORKFLOW_STATES = ['draft', 'submitted', 'validated', 'refused', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** What a user does to a proposal. `save` keeps or makes it a draft (its author editing it). */
export const WORKFLOW_STEPS = ['save', 'submit', 'validate', 'refuse', 'publish'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

/** The right each step needs on the item's subject (Measure or Narrative), in its territory. */
export const STEP_ACTION: Record<WorkflowStep, 'create' | 'validate' | 'publish'> = {
  save: 'create',
  submit: 'create',
  validate: 'validate',
  refuse: 'validate',
  publish: 'publish',
};

/**
 * From which states each step may start. A refused item goes back to its author, who edits
 * (save → draft) or resubmits it; a published item is final (a correction is a new proposal).
 */
const FROM: Record<WorkflowStep, readonly WorkflowState[]> = {
  save: ['draft', 'refused'],
  submit: ['draft', 'refused'],
  validate: ['submitted'],
  refuse: ['submitted', 'validated'],
  publish: ['validated'],
};

const TO: Record<WorkflowStep, WorkflowState> = {
  save: 'draft',
  submit: 'submitted',
  validate: 'validated',
  refuse: 'refused',
  publish: 'published',
};

export type TransitionResult =
  | { ok: true; state: WorkflowState }
  | { ok: false; code: 'STEP_NOT_ALLOWED' | 'REASON_REQUIRED' | 'NOT_AUTHOR' | 'OWN_PROPOSAL'; message: string };

export interface TransitionInput {
  from: WorkflowState;
  step: WorkflowStep;
  /** Required (non-blank) to refuse. */
  reason?: string | null;
  /** Drafts and refused items are changed by their author only. */
  byAuthor: boolean;
  /** The instance lets authors validate their own proposals (workflow.selfValidation; default no). */
  selfValidation?: boolean;
}

/** The pure rule: may this step start from this state, and where does it lead. */
export function transition({ from, step, reason, byAuthor, selfValidation = false }: TransitionInput): TransitionResult {
  if (!FROM[step].includes(from)) {
    return { ok: false, code: 'STEP_NOT_ALLOWED', message: `A ${from} item cannot be ${pastTense(step)}; allowed from: ${FROM[step].join(', ')}.` };
  }
  if ((step === 'save' || step === 'submit') && !byAuthor) {
    return { ok: false, code: 'NOT_AUTHOR', message: 'Only the author of a draft or refused item can change or submit it.' };
  }
  // Separation of duties: a second person checks each value before it can be published.
  if (step === 'validate' && byAuthor && !selfValidation) {
    return { ok: false, code: 'OWN_PROPOSAL', message: 'You cannot validate your own proposal: another validator must (workflow.selfValidation is off on this instance).' };
  }
  if (step === 'refuse' && !reason?.trim()) {
    return { ok: false, code: 'REASON_REQUIRED', message: 'Say why the value is refused: the author receives the reason.' };
  }
  return { ok: true, state: TO[step] };
}

/** Steps that can start from a state (for the UI's buttons, before rights are considered). */
export function stepsFrom(state: WorkflowState): WorkflowStep[] {
  return WORKFLOW_STEPS.filter((step) => FROM[step].includes(state));
}

function pastTense(step: WorkflowStep): string {
  return { save: 'saved', submit: 'submitted', validate: 'validated', refuse: 'refused', publish: 'published' }[step];
}
