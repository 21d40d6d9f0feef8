/** Where the self-check pages live on the eID-Server's port. */
export const paths = {
  start: '/self-check',
  startSession: '/self-check/start',
  result: '/self-check/result',
} as const;
