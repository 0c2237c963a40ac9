import type { RoadmapChoicesQuery } from '../../api/generated/graphql';
export { RoadmapChoicesDocument as ROADMAP_CHOICES, SetRoadmapDocument as SET_ROADMAP } from '../../api/generated/graphql';

export type RoadmapChoice = RoadmapChoicesQuery['roadmapChoices'][number];

export const MAX_OBJECTIVE = 2000;
