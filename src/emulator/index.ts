// The Medium One emulator: a faithful stand-in for the /v2/login and /v2/users API (SPEC section 4),
// used by every test, by `npm run emulator`, and by the extension's Local Sandbox.
export { startEmulator } from './server';
export { defaultSeed } from './seed';
export type * from './types';
export { emulatorProfiles, profileSettings } from './profiles';
export type { EmulatorProfile } from './profiles';
