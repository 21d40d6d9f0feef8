export { startHub, type RunningHub } from './start-hub.js';
export type { HubOptions } from './options.js';
export { addUser, type AddUserInput } from './add-user.js';
export { seedDemo, demoLogin, type SeedDemoInput } from './demo/seed-demo.js';
export { selfCheckDemoService } from './demo/catalogue.js';
export type { Role } from '@sidbox/protocol';
export { KeyVaultError, type KeyVaultErrorCode } from './signing/key-vault.js';
export { Kek, newKekText } from './signing/kek.js';
