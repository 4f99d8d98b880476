/**
 * The challenge the person is answering. People switch to Desktop to approve it and read the code,
 * which closes the popup, so the challenge id must outlive the popup: it is kept in session storage
 * (extension-only, gone when the browser closes). It is not a secret: without the code shown in
 * Desktop it is worth nothing. Beside it: that Anytype at this address denied the extension, which
 * builds of 2026 keep until Anytype restarts, so the popup does not send requests it knows are refused.
 */
import * as v from 'valibot';

const PendingChallengeSchema = v.object({
  challengeId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  baseUrl: v.string(),
  createdAt: v.number(),
});
export type PendingChallenge = v.InferOutput<typeof PendingChallengeSchema>;

const DenialSchema = v.object({ baseUrl: v.string(), at: v.number() });

export interface SessionAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const SLOT = 'pairing:pending';
const DENIED_SLOT = 'pairing:denied';
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
    async save(challengeId: string, baseUrl: string): Promise<PendingChallenge> {
      const pending: PendingChallenge = { challengeId, baseUrl, createdAt: now() };
      await area.set({ [SLOT]: pending });
      return pending;
    },
    async clear(): Promise<void> {
      await area.remove(SLOT);
    },
    /** Anytype at this address said the person denied the extension. */
    async markDenied(baseUrl: string): Promise<void> {
      await area.set({ [DENIED_SLOT]: { baseUrl, at: now() } });
    },
    async isDenied(baseUrl: string): Promise<boolean> {
      const parsed = v.safeParse(DenialSchema, (await area.get(DENIED_SLOT))[DENIED_SLOT]);
      return parsed.success && parsed.output.baseUrl === baseUrl;
    },
    /** The person says Anytype has restarted. */
    async clearDenied(): Promise<void> {
      await area.remove(DENIED_SLOT);
    },
  };
}
export type PendingChallengeStore = ReturnType<typeof createPendingChallengeStore>;
