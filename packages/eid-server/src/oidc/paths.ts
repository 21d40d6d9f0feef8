/** The provider's issuer path on the eID-Server's origin: `<publicOrigin>/oidc`. */
export const issuerPath = '/oidc';

/**
 * The sign-in page of one interaction, and its steps. Under the interaction's own path because
 * oidc-provider binds the interaction to the browser with a cookie scoped to exactly that path.
 */
export const signinPath = (uid: string) => `${issuerPath}/signin/${uid}`;
export const signinPaths = {
  page: signinPath(':uid'),
  start: `${signinPath(':uid')}/start`,
  done: `${signinPath(':uid')}/done`,
  cancel: `${signinPath(':uid')}/cancel`,
} as const;
export const signinStep = (uid: string, step: 'start' | 'done' | 'cancel') =>
  `${signinPath(uid)}/${step}`;
