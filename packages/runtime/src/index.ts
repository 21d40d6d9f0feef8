export * from './backoff.js';
export * from './listeners.js';
export * from './log.js';
export * from './owned-dirs.js';
export * from './secret.js';
export * from './spare.js';
export * from './typed-events.js';
