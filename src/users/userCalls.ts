import type { MediumOneClient } from '../api/client';
import { isMediumOneError } from '../api/errors';

/**
 * What each user command sends, and how to tell afterwards whether its change already holds on the server. Knows
 * nothing of VS Code, so the commands, the fault campaign (test/faults) and the benchmark run the same calls.
 */
export interface UserCall {
  call: (client: MediumOneClient, loginId: string) => Promise<void>;
  /**
   * Reads the user: true when the server already holds what the call asks for (an earlier try whose answer was
   * lost may have applied it), false when it does not, undefined when the read cannot tell. Retry Failed asks this
   * before it resends.
   */
  holds: (client: MediumOneClient, loginId: string) => Promise<boolean | undefined>;
}

export type Found = 'enabled' | 'disabled' | 'absent' | 'unknown';

/** The user's state as the server tells it now; 'unknown' when the read itself fails (it is only a pre-check). */
export async function stateOf(client: MediumOneClient, loginId: string): Promise<Found> {
  try {
    return (await client.getUser(loginId)).disabled ? 'disabled' : 'enabled';
  } catch (e) {
    return isMediumOneError(e, 'notFound') ? 'absent' : 'unknown';
  }
}

const setDisabled = (disabled: boolean): UserCall => ({
  call: async (client, loginId) => void (await client.updateUser(loginId, { disabled })),
  holds: async (client, loginId) => {
    const found = await stateOf(client, loginId);
    return found === 'unknown' ? undefined : found === (disabled ? 'disabled' : 'enabled');
  },
});

export const enableCall: UserCall = setDisabled(false);
export const disableCall: UserCall = setDisabled(true);

export const deleteCall: UserCall = {
  call: (client, loginId) => client.deleteUser(loginId),
  holds: async (client, loginId) => {
    const found = await stateOf(client, loginId);
    return found === 'unknown' ? undefined : found === 'absent';
  },
};

/** A create holds once the user exists; its password cannot be read back, so a found user is taken as this one. */
export const createCall = (password: string): UserCall => ({
  call: async (client, loginId) => void (await client.createUser({ loginId, password })),
  holds: async (client, loginId) => {
    const found = await stateOf(client, loginId);
    return found === 'unknown' ? undefined : found !== 'absent';
  },
});
