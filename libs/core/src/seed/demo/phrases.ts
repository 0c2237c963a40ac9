/**
 * French sentence fragments the narrative generator assembles. `{lieu}` is replaced by the
 * level phrase ("dans le département"…), `{Lieu}` by the same phrase capitalised,
 * `{chantier}` by the policy name (never the word "chantier": instances name their policies otherwise), `{annee}` by the year and `{pct}` by a percentage.
 */

export const PLACE: Record<string, string> = {
  NAT: 'au niveau national',
  REG: 'dans la région',
  DEPT: 'dans le département',
};

export const WEATHER_OPENERS: Record<string, string[]> = {
  SUNNY: [
    '« {chantier} » avance conformément à la trajectoire {lieu}.',
    '{Lieu}, les résultats sont en ligne avec les cibles fixées pour l\'année.',
    '{Lieu}, la dynamique est très positive et la cible intermédiaire est déjà atteinte.',
    'Le déploiement se poursuit à un rythme soutenu {lieu}.',
    'Les indicateurs de « {chantier} » progressent plus vite que prévu {lieu}.',
    '{Lieu}, tous les indicateurs suivis sont au niveau ou au-dessus de la trajectoire.',
  ],
  CLOUDY: [
    '« {chantier} » progresse {lieu}, mais à un rythme légèrement inférieur à la trajectoire.',
    '{Lieu}, les résultats sont encourageants mais encore contrastés selon les territoires.',
    'L\'avancement est globalement satisfaisant {lieu}, avec quelques points de vigilance.',
    '{Lieu}, la cible intermédiaire devrait être atteinte, mais de justesse.',
    'Les résultats {lieu} restent proches de la trajectoire sans la rattraper complètement.',
  ],
  RAINY: [
    '« {chantier} » accuse un retard significatif {lieu}.',
    '{Lieu}, la trajectoire n\'est pas tenue et l\'écart à la cible se creuse.',
    'Les résultats restent nettement en deçà des objectifs {lieu}.',
    '{Lieu}, l\'avancement marque le pas depuis plusieurs mois.',
    'La cible de l\'année paraît difficile à atteindre {lieu}.',
  ],
  STORMY: [
    'La situation est critique {lieu} : les indicateurs se dégradent nettement.',
    '{Lieu}, « {chantier} » est à l\'arrêt et la cible de fin d\'année est hors d\'atteinte.',
    'Les résultats reculent {lieu} pour le deuxième trimestre consécutif.',
    '{Lieu}, les principaux indicateurs s\'éloignent de la cible depuis le début de l\'année.',
  ],
};

export const WEATHER_DETAILS: Record<string, string[]> = {
  SUNNY: [
    'La mobilisation des partenaires locaux reste forte et les remontées de données sont régulières.',
    'Le pilotage mis en place avec les collectivités porte ses fruits.',
    'Les moyens engagés permettent de tenir la cible de fin d\'année.',
    'Les retours des usagers sont très favorables.',
    'La coordination entre les services de l\'État et les opérateurs fonctionne bien.',
  ],
  CLOUDY: [
    'Des difficultés de recrutement ralentissent la montée en charge.',
    'Les délais de remontée des données compliquent le suivi fin de l\'avancement.',
    'Un effort supplémentaire est nécessaire dans les territoires ruraux.',
    'La mobilisation des partenaires doit être entretenue pour tenir la cible.',
    'Quelques projets ont pris du retard à la suite de difficultés d\'approvisionnement.',
  ],
  RAINY: [
    'Le manque d\'effectifs dans les services instructeurs pèse sur les délais.',
    'Plusieurs opérateurs ont suspendu leurs déploiements dans l\'attente de financements.',
    'La dégradation de la conjoncture freine l\'engagement des porteurs de projets.',
    'Un plan de rattrapage est en cours d\'élaboration avec les acteurs locaux.',
  ],
  STORMY: [
    'Une intervention de l\'échelon national est nécessaire pour débloquer la situation.',
    'Les moyens alloués ne permettent plus de tenir les engagements pris.',
    'Une réunion d\'arbitrage a été demandée en urgence.',
    'Les partenaires se sont retirés de plusieurs projets structurants.',
  ],
};

export const NOT_NEEDED_BODY = 'Pas de suivi qualitatif pour ce territoire.';

export const COMMENT_TYPES = ['progress', 'difficulties', 'actions', 'support'] as const;

export const COMMENT_MAIN: Record<(typeof COMMENT_TYPES)[number], string[]> = {
  progress: [
    '{Lieu}, la cible trimestrielle est atteinte à {pct} %.',
    'La convention avec les collectivités partenaires a été signée, ce qui permet d\'accélérer le déploiement.',
    'Les premières réalisations ont été inaugurées en présence des élus locaux.',
    'La montée en charge des équipes est achevée et les délais se réduisent.',
    'Les données du dernier trimestre confirment l\'amélioration observée depuis le début de l\'année.',
    'Tous les territoires ont désormais désigné un référent.',
  ],
  difficulties: [
    'Les difficultés de recrutement persistent et plusieurs postes restent vacants.',
    'Les remontées de données de certains opérateurs sont incomplètes, ce qui fragilise le suivi.',
    'La hausse du coût des travaux retarde plusieurs opérations programmées.',
    'Les délais d\'instruction restent supérieurs à la cible malgré les renforts.',
    'Certains partenaires peinent à mobiliser les cofinancements prévus.',
    '{Lieu}, la cible trimestrielle n\'est atteinte qu\'à {pct} %.',
  ],
  actions: [
    'Une revue mensuelle associant l\'ensemble des acteurs a été mise en place.',
    'Un appel à projets complémentaire sera lancé au prochain trimestre.',
    'Les équipes ont été renforcées par des agents venus d\'autres services.',
    'Une campagne d\'information auprès des usagers est prévue pour la rentrée.',
    'Un référent unique a été désigné pour accompagner les porteurs de projets.',
    'Les territoires les plus en retard font l\'objet d\'un accompagnement renforcé.',
  ],
  support: [
    'Un appui de l\'administration centrale est sollicité pour accélérer l\'instruction des dossiers.',
    'Une enveloppe complémentaire est demandée pour financer les projets en attente.',
    'Un appui en ingénierie serait utile pour accompagner les petites communes.',
    'Une clarification de la doctrine nationale est attendue sur les critères d\'éligibilité.',
    'Un renfort temporaire d\'effectifs est demandé pour résorber le stock de dossiers.',
  ],
};

export const COMMENT_FOLLOW_UPS: Record<(typeof COMMENT_TYPES)[number], string[]> = {
  progress: ['Cette dynamique devrait se confirmer dans les prochains mois.', 'Les partenaires saluent la qualité du travail collectif.'],
  difficulties: [
    'Un point d\'attention est inscrit à l\'ordre du jour du prochain comité de pilotage.',
    'Sans mesure corrective, la cible annuelle pourrait ne pas être atteinte.',
  ],
  actions: ['Un premier bilan sera présenté au prochain comité de pilotage.', 'Ces actions font l\'objet d\'un suivi hebdomadaire.'],
  support: ['La demande a été transmise à la direction de projet.', 'Une réponse est attendue avant la fin du trimestre.'],
};

export const OBJECTIVES = [
  '{Lieu}, atteindre {pct} % de la cible finale de « {chantier} » d\'ici la fin de l\'année {annee}.',
  'Réduire de moitié l\'écart à la trajectoire {lieu} d\'ici fin {annee}, en priorité {focus}.',
  'Tenir la cible de fin {annee} de « {chantier} » {lieu} en concentrant les efforts {focus}.',
  '{Lieu}, garantir une remontée trimestrielle complète des indicateurs et atteindre la cible intermédiaire de {annee}.',
];

export const OBJECTIVE_FOCUS = [
  'dans les territoires les plus en retard',
  'dans les quartiers prioritaires de la politique de la ville',
  'dans les zones rurales',
  'auprès des publics les plus éloignés des services publics',
];

export const DECISION_BODIES: Record<string, string[]> = {
  NAT: ['Comité interministériel', 'Revue d\'avancement avec le cabinet du Premier ministre', 'Comité de pilotage national'],
  REG: ['Comité régional de pilotage', 'Réunion des services présidée par le préfet de région'],
  DEPT: ['Comité départemental de suivi', 'Réunion présidée par le préfet'],
};

export const DECISIONS = [
  'le renfort de deux équivalents temps plein pour l\'instruction des dossiers est validé',
  'les crédits non consommés sont redéployés vers les territoires en retard',
  'une mission d\'appui est lancée pour identifier les causes du retard',
  'le report de l\'échéance intermédiaire au trimestre suivant est accepté',
  'un tableau de bord partagé avec les collectivités sera mis en place',
  'le niveau national est saisi pour arbitrer les moyens complémentaires',
  'la cible annuelle est maintenue et un point d\'étape est fixé dans trois mois',
];

/** Fictional authors. */
export const AUTHORS = [
  'Camille Martin', 'Julien Petit', 'Sarah Lefort', 'Mathieu Robin', 'Inès Benali', 'Nicolas Vidal',
  'Élodie Carpentier', 'Karim Haddad', 'Laure Besnard', 'François Millet', 'Aïcha Diallo', 'Guillaume Texier',
  'Hélène Marty', 'Baptiste Lucas', 'Sandrine Aubert', 'Yannick Le Gall', 'Chloé Renard', 'Damien Ferrand',
  'Mélanie Poirier', 'Rachid Amrani', 'Agnès Collet', 'Thibault Jacquet', 'Nadia Brahimi', 'Éric Sauvage',
];
