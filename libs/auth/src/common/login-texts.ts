/**
 * Texts of the login page (i18n namespace `auth`), in the kit's locales. An instance can
 * override any of them through its vocabulary (`auth:login.title`…).
 */
export const LOGIN_TEXTS = {
  fr: {
    login: {
      title: 'Connexion',
      intro: 'Connectez-vous avec votre compte professionnel pour voir et saisir les données de votre périmètre.',
      provider: 'Se connecter avec ProConnect ou votre fournisseur d’identité',
      notConfigured: 'La connexion n’est pas configurée sur cette instance : les tableaux de bord publics restent consultables.',
      errorTitle: 'La connexion a échoué',
      unknownError: 'La connexion a échoué. Réessayez, ou contactez l’administrateur de l’instance.',
      signedInAs: 'Vous êtes connecté(e) en tant que {{name}}.',
      logout: 'Se déconnecter',
      home: 'Aller à l’accueil',
      demoTitle: 'Mode démonstration',
      demoNotice: 'Cette instance est une démonstration : choisissez un rôle pour vous connecter en tant que son utilisateur de démonstration. N’y saisissez aucune donnée réelle.',
      demoRole: 'Rôle',
      demoSubmit: 'Entrer en démonstration',
      demoFailed: 'La connexion de démonstration a échoué.',
    },
  },
  en: {
    login: {
      title: 'Sign in',
      intro: 'Sign in with your work account to see and enter the data of your scope.',
      provider: 'Sign in with ProConnect or your identity provider',
      notConfigured: 'Login is not configured on this instance: public dashboards can still be browsed.',
      errorTitle: 'Sign-in failed',
      unknownError: 'Sign-in failed. Try again, or contact the administrator of the instance.',
      signedInAs: 'You are signed in as {{name}}.',
      logout: 'Sign out',
      home: 'Go to the home page',
      demoTitle: 'Demo mode',
      demoNotice: 'This instance is a demo: pick a role to sign in as its demo user. Do not enter real data.',
      demoRole: 'Role',
      demoSubmit: 'Enter the demo',
      demoFailed: 'The demo sign-in failed.',
    },
  },
} as const;
