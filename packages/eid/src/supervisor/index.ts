export * from './backoff.js';
export * from './binary.js';
export * from './errors.js';
export { kioskSettings } from './settings.js';
export { sdkUrl, type ExitInfo } from './instance.js';
export * from './supervisor.js';
