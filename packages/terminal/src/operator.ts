// What an operator's command needs without the daemon (the control socket's client, the staff
// PIN hash, the configuration's check): `sidbox ctl`, `staff-pin-hash` and `image` import this
// alone and start in half a second instead of two.
export { ConfigError, parseTerminalConfig } from './config/load.js';
export { defaultCtlSocketPath } from './control/default-path.js';
export { ControlClientError, sendControlRequest } from './control/client.js';
export { hashStaffPin, staffPinPattern } from './daemon/staff-pin-hash.js';
