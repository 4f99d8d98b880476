/**
 * Where a quick clip goes: per-site rules first (the first that matches wins), then the defaults.
 *
 * A rule's pattern is one of
 *  - a host: `example.com` (that host only) or `*.example.com` (that host and any subdomain),
 *    optionally followed by a path prefix: `example.com/blog`, on http or https;
 *  - a URL prefix: `https://example.com/blog/` (same scheme, same host and port, path prefix).
 * Hosts are compared as whole labels, never as substrings, so `example.com` does not match
 * `evilexample.com` nor `example.com.evil.net`. Pure: no browser APIs.
 */
import { i18n } from '../node-safe-i18n';
import * as v from 'valibot';
import { isValidId } from '../anytype/ids';
import type { ClipTarget } from '../queue/types';
import { TagNamesSchema } from './tag-names';

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_PATTERN = 500;

export const AnytypeIdSchema = v.pipe(
  v.string(),
  v.check((value) => isValidId(value), 'not an Anytype id'),
);
export const TypeKeySchema = v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9_]+$/, 'not a type key'));

/**
 * Where a clip goes, as a person set it in advance (the defaults, a site rule): the parts of the
 * queue's ClipTarget a person picks, each optional (the popup's last choice fills the gaps), and tags.
 */
export const ClipPresetSchema = v.object({
  spaceId: v.optional(AnytypeIdSchema),
  typeKey: v.optional(TypeKeySchema),
  collectionId: v.optional(AnytypeIdSchema),
  tagNames: v.optional(TagNamesSchema, []),
});
export type ClipPreset = Partial<Pick<ClipTarget, 'spaceId' | 'typeKey' | 'collectionId'>> & { tagNames: string[] };
// The schema's output is exactly that type (tests/unit/settings/site-rules.test.ts holds it there).

type ParsedPattern =
  | { kind: 'host'; host: string; subdomains: boolean; path: string }
  | { kind: 'prefix'; protocol: string; host: string; rest: string };

/** Parses a pattern, or says in words why it is not one. */
export function parseSitePattern(raw: string): ParsedPattern | { error: string } {
  const pattern = raw.trim();
  if (!pattern) return { error: i18n.t('options.rules.errors.empty') };
  if (pattern.length > MAX_PATTERN) return { error: i18n.t('options.rules.errors.tooLong') };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pattern)) return parsePrefix(pattern);
  return parseHostPattern(pattern);
}

function parsePrefix(pattern: string): ParsedPattern | { error: string } {
  let url: URL;
  try {
    url = new URL(pattern);
  } catch {
    return { error: i18n.t('options.rules.errors.badAddress') };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: i18n.t('options.rules.errors.webOnly') };
  if (url.username || url.password) return { error: i18n.t('options.rules.errors.credentials') };
  if (url.hash) return { error: i18n.t('options.rules.errors.fragment') };
  if (pattern.includes('*')) return { error: i18n.t('options.rules.errors.wildcardInAddress') };
  return { kind: 'prefix', protocol: url.protocol, host: url.host, rest: url.pathname + url.search };
}

function parseHostPattern(pattern: string): ParsedPattern | { error: string } {
  const slash = pattern.indexOf('/');
  const hostPart = (slash === -1 ? pattern : pattern.slice(0, slash)).toLowerCase();
  const path = slash === -1 ? '' : pattern.slice(slash);
  const subdomains = hostPart.startsWith('*.');
  const bare = subdomains ? hostPart.slice(2) : hostPart;
  if (bare.includes('*')) return { error: i18n.t('options.rules.errors.wildcardPlace') };
  if (/[?#\s\\]/.test(pattern) || /[@:]/.test(hostPart)) return { error: i18n.t('options.rules.errors.notAHost') };
  let parsedUrl: URL;
  try {
    // The URL parser turns an international name into its punycode form, and escapes the path,
    // just as page URLs have them.
    parsedUrl = new URL(`http://${bare}${path || '/'}`);
  } catch {
    return { error: i18n.t('options.rules.errors.badHost') };
  }
  const host = parsedUrl.hostname.replace(/\.$/, '');
  const labels = host.split('.');
  if (!labels.every((label) => HOST_LABEL.test(label))) return { error: i18n.t('options.rules.errors.badHost') };
  if (subdomains && labels.length < 2) return { error: i18n.t('options.rules.errors.noDomain') };
  return { kind: 'host', host, subdomains, path: path ? parsedUrl.pathname : '' };
}

export const SitePatternSchema = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => !('error' in parseSitePattern(value)), () => i18n.t('options.rules.errors.invalid')),
);

export const SiteRuleSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  pattern: SitePatternSchema,
  ...ClipPresetSchema.entries,
});
export type SiteRule = v.InferOutput<typeof SiteRuleSchema>;

export const MAX_SITE_RULES = 200;

export const SiteRulesSchema = v.pipe(
  v.array(SiteRuleSchema),
  v.maxLength(MAX_SITE_RULES),
  v.check((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, 'two rules have the same id'),
);

/** Does this page URL fall under this pattern? Invalid patterns and non-web URLs never match. */
export function patternMatches(pattern: string, pageUrl: string): boolean {
  const parsed = parseSitePattern(pattern);
  if ('error' in parsed) return false;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (parsed.kind === 'prefix') {
    return url.protocol === parsed.protocol && url.host === parsed.host && (url.pathname + url.search).startsWith(parsed.rest);
  }
  const host = url.hostname.replace(/\.$/, '');
  const hostMatches = host === parsed.host || (parsed.subdomains && host.endsWith(`.${parsed.host}`));
  return hostMatches && url.pathname.startsWith(parsed.path || '/');
}

/** The first rule whose pattern matches the URL. */
export function matchSiteRule<R extends { pattern: string }>(rules: readonly R[], url: string): R | undefined {
  return rules.find((rule) => patternMatches(rule.pattern, url));
}

/** Where a quick clip of `url` goes: the first matching rule, else the defaults. */
export function resolveClipTarget(
  settings: { defaults: ClipPreset; siteRules: readonly SiteRule[] },
  url: string,
): ClipPreset & { ruleId?: string } {
  const rule = matchSiteRule(settings.siteRules, url);
  if (!rule) return settings.defaults;
  const { id, pattern: _pattern, ...target } = rule;
  return { ...target, ruleId: id };
}
