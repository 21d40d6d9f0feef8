export { startHub, type RunningHub } from './start-hub.js';
export type { HubOptions } from './options.js';
export { addUser, type AddUserInput } from './add-user.js';
export { seedDemo, demoLogin, type SeedDemoInput } from './demo/seed-demo.js';
export {
  verifySignedConfig,
  type SignedConfigBundle,
  type VerifierState,
  type VerifyResult,
  type RejectionCode,
} from './signing/verify.js';
export { signTerminalToken } from './signing/terminal-token.js';
export type { Role } from './db/schema.js';
