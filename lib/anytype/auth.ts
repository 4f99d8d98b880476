/**
 * Pairing: a challenge makes Desktop show a 4-digit code (builds of 2026: once the person approved it);
 * the code buys an API key.
 */
import * as v from 'valibot';
import { AnytypeError } from './errors';
import type { KeyGrant } from './grants';
import { ApiKeyResponseSchema, ChallengeResponseSchema } from './schemas';
import { createTransport, parseInput, type TransportOptions } from './transport';

/**
 * Newer builds hold the challenge until the person approves it in Desktop (up to a minute), so
 * pairing gets more time than ordinary calls.
 */
export const PAIRING_TIMEOUT_MS = 75_000;

const AppNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));
const ChallengeIdSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(256));

export interface AuthClient {
  /** One call per click: builds limit how many challenges a run may make. */
  createChallenge(appName: string): Promise<{ challengeId: string }>;
  /** `grant` is null when the build does not say what the key may reach (builds before 2026). */
  createApiKey(challengeId: string, code: string): Promise<{ apiKey: string; grant: KeyGrant | null }>;
}

export function createAuth(opts: Omit<TransportOptions, 'apiKey'> = {}): AuthClient {
  const transport = createTransport({ baseUrl: opts.baseUrl, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const timeoutMs = Math.max(opts.timeoutMs ?? 0, PAIRING_TIMEOUT_MS);

  return {
    async createChallenge(appName) {
      const app_name = parseInput(AppNameSchema, appName, 'app name');
      const res = await transport.request({
        method: 'POST',
        path: '/v1/auth/challenges',
        body: { app_name },
        schema: ChallengeResponseSchema,
        timeoutMs,
      });
      return { challengeId: res.challenge_id };
    },

    async createApiKey(challengeId, code) {
      const challenge_id = parseInput(ChallengeIdSchema, challengeId, 'challenge id');
      const digits = typeof code === 'string' ? code.trim() : '';
      // A typo costs one of the few tries newer builds allow; catch it here instead.
      if (!/^\d{4}$/.test(digits)) {
        throw new AnytypeError('pairing_failed', { serverMessage: 'the code must be 4 digits' });
      }
      const res = await transport.request({
        method: 'POST',
        path: '/v1/auth/api_keys',
        body: { challenge_id, code: digits },
        schema: ApiKeyResponseSchema,
        timeoutMs,
      });
      return { apiKey: res.api_key, grant: res.grant ?? null };
    },
  };
}
