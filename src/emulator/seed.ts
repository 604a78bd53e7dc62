import { randomBytes } from 'crypto';
import type { EmulatorSeed } from './types';

/** An 11-character id in the style of the reference's example (`rEAGMjrk8Bs`); projects get one too. */
export const newMqttId = () => randomBytes(8).toString('base64url').slice(0, 11);

/**
 * The Local Sandbox: the credentials the README and `npm run emulator` print. MQTT ids (the project's and the users') are fixed so
 * screenshots and docs stay stable.
 */
export function defaultSeed(): EmulatorSeed {
  const device = (n: number, mqttId: string, extra: { disabled?: boolean; userData?: Record<string, unknown> } = {}) => ({
    loginId: `device-00${n}`,
    password: 'Device-pass-1',
    mqttId,
    ...extra,
  });
  return {
    projects: [
      {
        name: 'Local Sandbox',
        mqttId: 'c2FuZGJveDAx',
        apiKeys: ['m1-sandbox-key'],
        admins: [
          { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', role: 'business' },
          { loginId: 'registrar@sandbox.local', password: 'Sandbox-reg-1', role: 'registration' },
        ],
        users: [
          device(1, 'rEAGMjrk8Bs', { userData: { site: 'Boston lab', firmware: '1.4.2' } }),
          device(2, 'Qm9zdG9uMDI'),
          device(3, 'c2Vuc29yMDM', { userData: { site: 'Field unit', tags: ['outdoor', 'solar'] } }),
          device(4, 'ZGV2aWNlMDQ', { disabled: true }),
          device(5, 'bGFzdDAwMDU'),
        ],
      },
    ],
  };
}
