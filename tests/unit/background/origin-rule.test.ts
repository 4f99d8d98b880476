// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { installOriginRules } from '../../../lib/network/install-origin-rules';
import { buildOriginRules, type OriginRule } from '../../../lib/network/origin-rule';

describe('origin rule', () => {
  it('sets a loopback Origin for our own requests to each API endpoint', () => {
    const rules = buildOriginRules(
      ['http://127.0.0.1:31009', 'http://127.0.0.1:31012/', 'http://127.0.0.1:31009/v1'],
      'chrome-extension://abcdefgh/',
    );
    expect(rules).toHaveLength(2);
    expect(rules[0]).toEqual({
      id: 100,
      priority: 1,
      action: {
        type: 'modifyHeaders',
        requestHeaders: [
          { header: 'origin', operation: 'set', value: 'http://127.0.0.1:31009' },
          // A connection per request: a dropped create must not be resent by the browser (issue 21.3).
          { header: 'connection', operation: 'set', value: 'close' },
        ],
      },
      condition: {
        urlFilter: '|http://127.0.0.1:31009/',
        initiatorDomains: ['abcdefgh'],
        resourceTypes: ['xmlhttprequest', 'other'],
      },
    });
  });

  it('limits the rule to the extension (Firefox uuid host)', () => {
    const [rule] = buildOriginRules(['http://localhost:4000'], 'moz-extension://0f1e-22aa/');
    expect(rule?.condition.initiatorDomains).toEqual(['0f1e-22aa']);
    expect(rule?.condition.urlFilter).toBe('|http://localhost:4000/');
  });

  it('replaces only the rules it owns', async () => {
    let rules: { id: number }[] = [{ id: 5 }, { id: 100 }, { id: 101 }];
    const dnr = {
      getDynamicRules: async () => rules,
      updateDynamicRules: async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: OriginRule[] }) => {
        rules = [...rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
      },
    };
    await installOriginRules(dnr, ['http://127.0.0.1:31009'], 'chrome-extension://abc/');
    expect(rules.map((rule) => rule.id).sort()).toEqual([100, 5]);
  });
});
