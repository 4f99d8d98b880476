import { DEFAULT_BASE_URL } from '../anytype';

/**
 * The Desktop URL this build talks to by default. Test builds point at the e2e sandbox's port
 * so that the tests never touch a real Anytype listening on 31009.
 */
const buildEnv = import.meta.env as Record<string, string | undefined>;
export const DESKTOP_URL: string = buildEnv.WXT_ANYTYPE_URL || DEFAULT_BASE_URL;

export const APP_NAME = 'Clip to Anytype';
