// @vitest-environment node
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClipTarget as QueueClipTarget } from '../../../lib/queue/types';
import {
  type ClipPreset,
  ClipPresetSchema,
  matchSiteRule,
  parseSitePattern,
  patternMatches,
  resolveClipTarget,
  type SiteRule,
  SiteRuleSchema,
} from '../../../lib/settings/site-rules';

describe('site patterns', () => {
  it.each([
    // pattern, url, matches
    ['example.com', 'https://example.com/', true],
    ['example.com', 'http://example.com/a/b?c=1', true],
    ['example.com', 'https://EXAMPLE.com/', true],
    ['Example.COM', 'https://example.com/', true],
    ['example.com', 'https://example.com./x', true],
    ['example.com', 'https://example.com:8443/x', true],
    ['example.com', 'https://www.example.com/', false],
    ['example.com', 'https://evilexample.com/', false],
    ['example.com', 'https://example.com.evil.net/', false],
    ['example.com', 'https://example.com@evil.net/', false],
    ['example.com', 'https://evil.net/?u=https://example.com/', false],
    ['example.com', 'https://evil.net/example.com', false],
    ['example.com', 'https://evil.net/#example.com', false],
    ['example.com', 'ftp://example.com/', false],
    ['example.com', 'file:///example.com', false],
    ['example.com', 'not a url', false],
    ['*.example.com', 'https://example.com/', true],
    ['*.example.com', 'https://news.example.com/', true],
    ['*.example.com', 'https://a.b.example.com/x', true],
    ['*.example.com', 'https://evilexample.com/', false],
    ['*.example.com', 'https://example.com.evil.net/', false],
    ['*.example.com', 'https://notexample.com/', false],
    ['example.com/blog', 'https://example.com/blog/post', true],
    ['example.com/blog', 'https://example.com/about', false],
    ['example.com/blog', 'https://evil.net/example.com/blog', false],
    ['*.example.com/docs/', 'https://api.example.com/docs/v1', true],
    ['bücher.de', 'https://xn--bcher-kva.de/', true],
    ['https://example.com/blog/', 'https://example.com/blog/post', true],
    ['https://example.com/blog/', 'http://example.com/blog/post', false],
    ['https://example.com/blog/', 'https://example.com/blogger', false],
    ['https://example.com/blog/', 'https://example.com.evil.net/blog/', false],
    ['https://example.com/blog/', 'https://example.com@evil.net/blog/', false],
    ['https://example.com', 'https://example.com.evil.net/', false],
    ['https://example.com', 'https://example.com/anything', true],
    ['https://example.com:8443/', 'https://example.com/', false],
    ['https://example.com:8443/', 'https://example.com:8443/x', true],
    ['https://example.com/search?q=', 'https://example.com/search?q=cats', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(patternMatches(pattern, url)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '*',
    '*.com',
    'ex*ample.com',
    '*.*.example.com',
    'example.com:8080',
    'user@example.com',
    'javascript:alert(1)',
    'javascript://example.com/',
    'file:///etc/passwd',
    'https://user:pw@example.com/',
    'https://*.example.com/',
    'https://example.com/#frag',
    'exa mple.com',
    '-example.com',
    'example..com',
    'example.com?x',
    'x'.repeat(600),
  ])('refuses the pattern %j', (pattern) => {
    expect(parseSitePattern(pattern)).toHaveProperty('error');
    expect(patternMatches(pattern, 'https://example.com/')).toBe(false);
    expect(v.safeParse(SiteRuleSchema, { id: 'r1', pattern }).success).toBe(false);
  });
});

describe('matchSiteRule', () => {
  const rules: SiteRule[] = [
    { id: 'blog', pattern: 'https://example.com/blog/', spaceId: 'space-blog', tagNames: ['blog'] },
    { id: 'any', pattern: '*.example.com', spaceId: 'space-main', typeKey: 'bookmark', tagNames: [] },
    { id: 'later', pattern: 'example.com', spaceId: 'never', tagNames: [] },
  ];

  it('returns the first rule that matches, in order', () => {
    expect(matchSiteRule(rules, 'https://example.com/blog/x')?.id).toBe('blog');
    expect(matchSiteRule(rules, 'https://example.com/about')?.id).toBe('any');
    expect(matchSiteRule([...rules].reverse(), 'https://example.com/about')?.id).toBe('later');
    expect(matchSiteRule(rules, 'https://evilexample.com/blog/')).toBeUndefined();
    expect(matchSiteRule([], 'https://example.com/')).toBeUndefined();
  });

  it('falls back to the defaults when no rule matches', () => {
    const defaults = { spaceId: 'space-default', typeKey: 'page', tagNames: ['web'] };
    expect(resolveClipTarget({ defaults, siteRules: rules }, 'https://other.org/')).toEqual(defaults);
    expect(resolveClipTarget({ defaults, siteRules: rules }, 'https://news.example.com/')).toEqual({
      ruleId: 'any',
      spaceId: 'space-main',
      typeKey: 'bookmark',
      tagNames: [],
    });
  });

  it('validates a rule with valibot: ids and type keys are checked, tags trimmed', () => {
    const ok = v.safeParse(SiteRuleSchema, { id: 'r1', pattern: ' example.com ', typeKey: 'page', tagNames: [' a '] });
    expect(ok.success && ok.output).toMatchObject({ pattern: 'example.com', tagNames: ['a'] });
    expect(v.safeParse(SiteRuleSchema, { id: 'r1', pattern: 'example.com', spaceId: '../auth' }).success).toBe(false);
    expect(v.safeParse(SiteRuleSchema, { id: 'r1', pattern: 'example.com', typeKey: 'Page Type' }).success).toBe(false);
    expect(v.safeParse(SiteRuleSchema, { id: 'R 1', pattern: 'example.com' }).success).toBe(false);
  });
});

describe('site patterns, property', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
  const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
  const hostileHost = fc.oneof(
    host,
    host.map((h) => `${h}example.com`),
    host.map((h) => `example.com.${h}`),
    host.map((h) => `${h}.example.com`),
    host.map((h) => `example.com-${h}`),
    fc.constant('example.com'),
  );
  const suffix = fc.constantFrom('/', '/a', '/?q=example.com', '/#example.com', ':8080/', '/example.com/x');

  it('a host pattern matches exactly that host; *. adds subdomains and nothing else', () => {
    fc.assert(
      fc.property(hostileHost, suffix, fc.constantFrom('http', 'https'), (candidate, rest, scheme) => {
        const url = `${scheme}://${candidate}${rest}`;
        const hostname = URL.canParse(url) ? new URL(url).hostname : undefined;
        expect(patternMatches('example.com', url)).toBe(hostname === 'example.com');
        expect(patternMatches('*.example.com', url)).toBe(
          hostname === 'example.com' || hostname?.endsWith('.example.com') === true,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('one shape for a target set in advance', () => {
  it("the settings schema's output is the ClipPreset type, which is the queue's ClipTarget made optional, plus tags", () => {
    type Parsed = v.InferOutput<typeof ClipPresetSchema>;
    // Both directions: a field added, renamed or retyped on either side fails to compile.
    expectTypeOf<Parsed>().toExtend<ClipPreset>();
    expectTypeOf<ClipPreset>().toExtend<Parsed>();
    expectTypeOf<keyof Parsed>().toEqualTypeOf<keyof ClipPreset>();
    expectTypeOf<ClipPreset['spaceId']>().toEqualTypeOf<QueueClipTarget['spaceId'] | undefined>();
    expectTypeOf<ClipPreset['collectionId']>().toEqualTypeOf<QueueClipTarget['collectionId']>();
    expect(v.parse(ClipPresetSchema, { spaceId: 'space-1' })).toEqual({ spaceId: 'space-1', tagNames: [] });
  });
});
