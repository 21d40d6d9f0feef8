export * from './outcomes.js';
export * from './eid-steps.js';
export * from './i18n.js';
export * from './terminal-config.js';
export * from './telemetry.js';
export * from './survey.js';
export * from './heartbeat.js';
