import type { Services } from '../services';
import type { Project } from '../projects/project';
import { readSettings } from '../settings';

export interface MqttEndpointInUse {
  host: string;
  port: number;
  tls: boolean;
  /** 'sandbox': the running Local Sandbox's own broker; 'settings': the mediumOne.mqtt.* settings. */
  source: 'sandbox' | 'settings';
}

/**
 * The broker a project's devices connect to. One answer for the snippets and the details page, so the two never
 * disagree: the Local Sandbox's own broker while it runs (its devices cannot reach Medium One's), else the settings,
 * since the public documents fix no host or port.
 */
export function mqttEndpointFor(s: Services, project: Project): MqttEndpointInUse {
  const sandbox = project.sandbox ? s.sandbox.mqttEndpoint : undefined;
  return sandbox ? { ...sandbox, source: 'sandbox' } : { ...readSettings().mqtt, source: 'settings' };
}
