import { Rng } from './prng';

export interface DemoRoadmapItem {
  territoryCode: string;
  policyId: string;
  localObjective: string;
}

const OBJECTIVES = [
  'Couvrir l’ensemble des intercommunalités d’ici fin 2026',
  'Réduire de moitié l’écart à la moyenne nationale',
  'Atteindre la cible nationale avec un an d’avance',
  'Priorité aux quartiers prioritaires de la politique de la ville',
  'Consolider les résultats obtenus et fiabiliser la remontée des données',
  'Accélérer le déploiement dans les zones rurales',
];

/** Each région and département follows 3 to 5 of the published policies, with a local objective. */
export function generateDemoRoadmaps(input: { policies: { id: string }[]; territories: { code: string; level: string }[]; seed: number }): DemoRoadmapItem[] {
  const items: DemoRoadmapItem[] = [];
  for (const territory of input.territories.filter((t) => t.level === 'REG' || t.level === 'DEPT')) {
    const rng = Rng.for(input.seed, 'roadmap', territory.code);
    for (const policy of rng.sample(input.policies, rng.int(3, 5))) {
      items.push({ territoryCode: territory.code, policyId: policy.id, localObjective: rng.pick(OBJECTIVES) });
    }
  }
  return items;
}
