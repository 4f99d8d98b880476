/**
 * The challenge the person is answering. People switch to Desktop to read the code, which
 * closes the popup, so the challenge id must outlive the popup: it is kept in session storage
 * (extension-only, gone when the browser closes). It is not a secret: without the code shown
 * in Desktop it is worth nothing.
 */
import * as v from 'valibot';

const PendingChallengeSchema = v.object({
  challengeId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  baseUrl: v.string(),
  createdAt: v.number(),
});
export type PendingChallenge = v.InferOutput<typeof PendingChallengeSchema>;

export interface SessionAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const SLOT = 'pairing:pending';
/** Newer builds keep a code for 5 minutes; older ones forever. Past an hour, start afresh. */
const MAX_AGE_MS = 60 * 60 * 1000;

export function createPendingChallengeStore(area: SessionAreaLike, now: () => number = Date.now) {
  return {
    async load(baseUrl: string): Promise<PendingChallenge | undefined> {
      const parsed = v.safeParse(PendingChallengeSchema, (await area.get(SLOT))[SLOT]);
      if (!parsed.success) return undefined;
      const pending = parsed.output;
      if (pending.baseUrl !== baseUrl || now() - pending.createdAt > MAX_AGE_MS) return undefined;
      return pending;
    },
    async save(challengeId: string, baseUrl: string): Promise<void> {
      await area.set({ [SLOT]: { challengeId, baseUrl, createdAt: now() } satisfies PendingChallenge });
    },
    async clear(): Promise<void> {
      await area.remove(SLOT);
    },
  };
}
export type PendingChallengeStore = ReturnType<typeof createPendingChallengeStore>;
