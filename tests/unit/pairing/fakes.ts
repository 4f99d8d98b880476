import { AnytypeError } from '../../../lib/anytype/errors';
import type { KeyGrant } from '../../../lib/anytype/grants';
import type { PairingAuth, PairingClock, PairingDeps } from '../../../lib/pairing/controller';
import { createPendingChallengeStore } from '../../../lib/pairing/pending-challenge';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';

const BASE_URL = 'http://127.0.0.1:31009';

/** A clock that moves only when told: tickers run as the time passes them. */
export function createFakeClock(start = 1_000_000) {
  let now = start;
  const tickers = new Set<{ every: number; next: number; tick: () => void }>();
  const clock: PairingClock = {
    now: () => now,
    every(ms, tick) {
      const t = { every: ms, next: now + ms, tick };
      tickers.add(t);
      return () => tickers.delete(t);
    },
  };
  return {
    clock,
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...tickers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.tick();
      }
      now = end;
    },
    get running() {
      return tickers.size;
    },
  };
}

/** A Desktop that shows code 1234 for each challenge, and a background that checks keys. */
export function createFakePairingWorld(options: { paired?: boolean } = {}) {
  let paired = options.paired ?? false;
  const challenges: string[] = [];
  const savedKeys: string[] = [];
  const saveCalls: { apiKey: string; grant?: KeyGrant }[] = [];
  const sessionData: Record<string, unknown> = {};
  let challengeFailure: AnytypeError | undefined;
  let keyFailure: AnytypeError | undefined;
  let grant: KeyGrant | null = null;
  /** Keys the background's one call finds refused (scoped or expired), by key. */
  const refusedKeys = new Map<string, 'scoped_key' | 'key_expired'>();
  const fakeClock = createFakeClock();

  const auth: PairingAuth = {
    async createChallenge() {
      if (challengeFailure) throw challengeFailure;
      const id = `challenge-${challenges.length + 1}`;
      challenges.push(id);
      return { challengeId: id };
    },
    async createApiKey(challengeId, code) {
      if (keyFailure) throw keyFailure;
      if (code !== '1234' || !challenges.includes(challengeId)) throw new AnytypeError('pairing_failed', { status: 500 });
      return { apiKey: `key-for-${challengeId}`, grant };
    },
  };

  const background: BackgroundClient = {
    async call(type, payload) {
      const status = (spaceCount?: number) => ({ baseUrl: BASE_URL, paired, spaceCount });
      switch (type) {
        case 'connection.status':
          return status(paired ? 2 : undefined) as never;
        case 'connection.saveKey': {
          const { apiKey, grant: given } = payload as { apiKey: string; grant?: KeyGrant };
          saveCalls.push(given ? { apiKey, grant: given } : { apiKey });
          const refusal = refusedKeys.get(apiKey);
          if (refusal) throw new BackgroundError(refusal, new AnytypeError(refusal).message);
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
    pending: createPendingChallengeStore(session, fakeClock.clock.now),
    appName: 'Clip to Anytype',
    clock: fakeClock.clock,
  };
  return {
    deps,
    challenges,
    savedKeys,
    saveCalls,
    time: fakeClock,
    failChallengesWith(error: AnytypeError | undefined) {
      challengeFailure = error;
    },
    failKeysWith(error: AnytypeError | undefined) {
      keyFailure = error;
    },
    grantKeys(next: KeyGrant | null) {
      grant = next;
    },
    refuseKey(key: string, kind: 'scoped_key' | 'key_expired') {
      refusedKeys.set(key, kind);
    },
  };
}
