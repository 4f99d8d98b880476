import { buildOriginRules, type OriginRule, ownedRuleIds } from './origin-rule';

/** The slice of `declarativeNetRequest` we call; both browsers have it under MV3. */
export interface DynamicRulesApi {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: OriginRule[] }): Promise<void>;
}

/** Replaces our origin rules with ones for the given API endpoints, atomically. */
export async function installOriginRules(
  dnr: DynamicRulesApi,
  apiBaseUrls: readonly string[],
  extensionBaseUrl: string,
): Promise<void> {
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({
    removeRuleIds: ownedRuleIds(existing.map((rule) => rule.id)),
    addRules: buildOriginRules(apiBaseUrls, extensionBaseUrl),
  });
}
