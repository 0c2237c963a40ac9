export interface RoadmapChoice { policyId: string; name: string; selected: boolean; localObjective: string | null }

export const ROADMAP_CHOICES = `query RoadmapChoices($code: String!) { roadmapChoices(territoryCode: $code) { policyId name selected localObjective } }`;
export const SET_ROADMAP = `mutation SetRoadmap($code: String!, $items: [RoadmapItemInput!]!) { setRoadmap(territoryCode: $code, items: $items) }`;

export const MAX_OBJECTIVE = 2000;
