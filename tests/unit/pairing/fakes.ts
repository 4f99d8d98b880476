import { AnytypeError } from '../../../lib/anytype/errors';
import type { PairingAuth, PairingDeps } from '../../../lib/pairing/controller';
import { createPendingChallengeStore } from '../../../lib/pairing/pending-challenge';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';

const BASE_URL = 'http://127.0.0.1:31009';

/** A Desktop that shows code 1234 for each challenge, and a background that checks keys. */
export function createFakePairingWorld(options: { paired?: boolean } = {}) {
  let paired = options.paired ?? false;
  const challenges: string[] = [];
  const savedKeys: string[] = [];
  const sessionData: Record<string, unknown> = {};
  let challengeFailure: AnytypeError | undefined;

  const auth: PairingAuth = {
    async createChallenge() {
      if (challengeFailure) throw challengeFailure;
      const id = `challenge-${challenges.length + 1}`;
      challenges.push(id);
      return { challengeId: id };
    },
    async createApiKey(challengeId, code) {
      if (code !== '1234' || !challenges.includes(challengeId)) throw new AnytypeError('pairing_failed', { status: 500 });
      return { apiKey: `key-for-${challengeId}` };
    },
  };

  const background: BackgroundClient = {
    async call(type, payload) {
      const status = (spaceCount?: number) => ({ baseUrl: BASE_URL, paired, spaceCount });
      switch (type) {
        case 'connection.status':
          return status(paired ? 2 : undefined) as never;
        case 'connection.saveKey': {
          const apiKey = (payload as { apiKey: string }).apiKey;
          if (!apiKey.startsWith('key-')) throw new BackgroundError('unauthorized', new AnytypeError('unauthorized').message);
          savedKeys.push(apiKey);
          paired = true;
          return status(2) as never;
        }
        case 'connection.disconnect':
          paired = false;
          return status() as never;
        default:
          throw new BackgroundError('unknown_message', 'unknown');
      }
    },
  };

  const session = {
    async get(key: string) {
      return { [key]: sessionData[key] };
    },
    async set(items: Record<string, unknown>) {
      Object.assign(sessionData, items);
    },
    async remove(key: string) {
      delete sessionData[key];
    },
  };

  const deps: PairingDeps = {
    background,
    makeAuth: () => auth,
    pending: createPendingChallengeStore(session),
    appName: 'Clip to Anytype',
  };
  return {
    deps,
    challenges,
    savedKeys,
    failChallengesWith(error: AnytypeError) {
      challengeFailure = error;
    },
  };
}
