export interface WorkflowItem {
  id: string;
  subjectKind: 'measure' | 'weather' | 'comment' | 'objective' | 'decision';
  indicatorId: string | null;
  state: 'draft' | 'submitted' | 'validated' | 'refused' | 'published';
  measureKind: string | null;
  date: string | null;
  value: number | null;
  weather: string | null;
  body: string | null;
  commentType: string | null;
  authorName: string | null;
  reason: string | null;
  nextSteps: string[];
  submittedAt: string | null;
}

export interface RatePair { annual: number | null; global: number | null }

export interface RateEffect {
  scope: 'indicator' | 'policy';
  id: string;
  name: string;
  territoryCode: string;
  territoryName: string;
  before: RatePair | null;
  after: RatePair;
  changed: boolean;
}

export interface EntryIndicator {
  id: string;
  name: string;
  unit: string;
  direction: string;
  enteredKinds: string[];
  official: {
    initialValue: number | null; initialDate: string | null;
    currentValue: number | null; currentDate: string | null;
    annualTarget: number | null; annualTargetDate: string | null;
    globalTarget: number | null; globalTargetDate: string | null;
    annualRate: number | null; globalRate: number | null;
  };
  proposals: WorkflowItem[];
}

export interface EntryRights {
  proposeValues: boolean; validateValues: boolean; publishValues: boolean;
  proposeNarratives: boolean; validateNarratives: boolean; publishNarratives: boolean;
}

export interface EntrySheet {
  territory: { code: string; name: string; level: string };
  policy: { id: string; name: string };
  indicators: EntryIndicator[];
  narratives: { id: string; kind: string; weather: string | null; body: string; type: string | null; date: string; author: string | null }[];
  narrativeProposals: WorkflowItem[];
  rights: EntryRights;
  effect: RateEffect[];
}

export interface BoardCounts { expected: number; published: number; awaiting: number; missing: number; late: number; stale: number; completeness: number }
export interface BoardRow extends BoardCounts { key: string; name: string }
export interface CampaignBoard {
  asOf: string;
  campaign: { id: string; name: string; periodStart: string; periodEnd: string; deadline: string; status: string; assigneeEmails: string[] };
  totals: BoardCounts;
  byTerritory: BoardRow[];
  byPolicy: BoardRow[];
}
