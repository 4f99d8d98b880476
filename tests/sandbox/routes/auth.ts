/** POST /v1/auth/challenges and /v1/auth/api_keys. */
import { badRequest } from '../errors';
import { bodyOf, ok, type RouteTable } from './context';

export const authRoutes: RouteTable = {
  create_auth_challenge: async (ctx) => {
    const appName = bodyOf(ctx).app_name;
    if (typeof appName !== 'string' || appName.trim() === '') throw badRequest('app_name is required');
    return ok({ challenge_id: await ctx.auth.createChallenge(appName) }, 201);
  },
  create_api_key: (ctx) => {
    const b = bodyOf(ctx);
    const id = typeof b.challenge_id === 'string' ? b.challenge_id : '';
    const code = typeof b.code === 'string' ? b.code : '';
    const { key, grant } = ctx.auth.createApiKey(id, code);
    // Builds before 2026 answer the key alone; current mode adds what it may reach.
    return ok(ctx.auth.mode === 'current' ? { api_key: key, grant } : { api_key: key }, 201);
  },
};
