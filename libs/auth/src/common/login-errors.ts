/**
 * Why a login failed, by the code the API puts in `/login?error=<code>`. The web app shows
 * these texts (and only these: a message in the URL could be forged).
 */
export const LOGIN_ERRORS = {
  access_denied: { fr: 'La connexion a été annulée ou refusée par le fournisseur d’identité.', en: 'The login was cancelled or refused by the identity provider.' },
  unknown_user: { fr: 'Aucun compte n’existe pour cette adresse e-mail. Demandez un accès à un administrateur.', en: 'No account exists for this e-mail address. Ask an administrator for access.' },
  email_not_verified: { fr: 'Le fournisseur d’identité n’a pas confirmé votre adresse e-mail.', en: 'The identity provider did not confirm your e-mail address.' },
  account_disabled: { fr: 'Votre compte est désactivé.', en: 'Your account is disabled.' },
  login_expired: { fr: 'La tentative de connexion a expiré ou a été ouverte dans un autre onglet : recommencez.', en: 'The login attempt expired or was opened in another tab: start again.' },
  provider_error: { fr: 'Le fournisseur d’identité a renvoyé une erreur. Réessayez plus tard.', en: 'The identity provider returned an error. Try again later.' },
  provider_unavailable: { fr: 'Le fournisseur d’identité ne répond pas. Réessayez plus tard.', en: 'The identity provider does not answer. Try again later.' },
  oidc_not_configured: { fr: 'La connexion n’est pas configurée sur cette instance.', en: 'Login is not configured on this instance.' },
} as const;

export type LoginErrorCode = keyof typeof LOGIN_ERRORS;
