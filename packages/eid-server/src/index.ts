export { AuthenticationService, type AuthenticationRequest } from './authentication-service.js';
export { loadEidServerConfig, type LoadedConfig, type LoadedService } from './config/load.js';
export { eidServerConfigSchema, type EidServerConfig } from './config/schema.js';
export { EidServerError, type ErrorCode } from './errors.js';
export { operationNames, type OperationName, type RequestedOperations } from './operations.js';
export type { PersonalData, PartialDate, Place } from './personal-data.js';
export type { AppDirectory, RegistrationOutcome } from './apps/app-directory.js';
export {
  writeTestSetup,
  memberServiceId,
  SELF_CHECK_SERVICE,
  type MemberService,
  type TestSetup,
  type TestSetupOptions,
} from './pki/test-setup.js';
export { startEidServer, type RunningEidServer } from './server.js';
