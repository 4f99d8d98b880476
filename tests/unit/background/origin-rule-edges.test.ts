// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildOriginRules, ORIGIN_RULE_ID_BASE, ORIGIN_RULE_ID_MAX, ownedRuleIds } from '../../../lib/network/origin-rule';

/** The Origin rule's edges (found by mutation testing): which rule ids it owns, and how many rules it makes. */
describe('origin rule edges', () => {
  const owned: [number, boolean][] = [
    [0, false],
    [99, false],
    [100, true],
    [150, true],
    [199, true],
    [200, false],
    [1000, false],
  ];
  for (const [id, mine] of owned) {
    it(`rule ${id} is ${mine ? '' : 'not '}ours`, () => {
      expect(ownedRuleIds([id])).toEqual(mine ? [id] : []);
    });
  }

  it('makes one rule per distinct origin, at most as many as it owns ids, with ids from the base up', () => {
    const many = Array.from({ length: 150 }, (_, i) => `http://127.0.0.1:${20_000 + i}`);
    const rules = buildOriginRules(many, 'chrome-extension://abc/');
    expect(rules).toHaveLength(ORIGIN_RULE_ID_MAX - ORIGIN_RULE_ID_BASE + 1);
    expect(rules.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
    expect(rules.at(-1)?.action.requestHeaders[0]?.value).toBe('http://127.0.0.1:20099');
  });

  it('reads the extension host as a web host would be read: lowercased, as the rule compares domains', () => {
    for (const base of ['moz-extension://ABC-Def/', 'chrome-extension://ABC-Def/']) {
      expect(buildOriginRules(['http://127.0.0.1:31009'], base)[0]?.condition.initiatorDomains).toEqual(['abc-def']);
    }
  });

  it('takes the host from any extension scheme, and nothing of the path', () => {
    for (const base of ['chrome-extension://abc/', 'moz-extension://abc/', 'chrome-extension://abc/popup.html']) {
      expect(buildOriginRules(['http://127.0.0.1:31009'], base)[0]?.condition.initiatorDomains).toEqual(['abc']);
    }
  });
});
