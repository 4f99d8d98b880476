// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE_FORMAT } from '../../../lib/settings/settings-file';
import { importSummary, readSettingsImport, refusalLines, reportOf } from '../../../lib/settings/settings-import';

// Generated settings files mixing parts that can be read with parts that cannot: each bad part is
// refused alone, at its place, with its reason; every good part is imported in its order.

type Part<T> = { good: true; value: T } | { good: false; value: unknown; problem: RegExp };

const goodConnection = (n: number) =>
  fc.record({ name: fc.constantFrom('Desktop', 'anytype-cli', 'Büro'), port: fc.integer({ min: 1024, max: 65535 }) }).map(
    ({ name, port }): Part<unknown> => ({ good: true, value: { id: `c${n}`, name, baseUrl: `http://127.0.0.1:${port}` } }),
  );
const badConnection = (n: number) =>
  fc.constantFrom<Part<unknown>>(
    { good: false, value: { id: `c${n}`, name: 'Evil', baseUrl: 'https://evil.example:443' }, problem: /baseUrl: Anytype runs on this computer/ },
    { good: false, value: { id: `c${n}`, name: '   ', baseUrl: 'http://127.0.0.1:31009' }, problem: /needs a name/ },
    { good: false, value: { id: 'Not An Id!', name: 'X', baseUrl: 'http://127.0.0.1:31009' }, problem: /^id: / },
    { good: false, value: 'desktop', problem: /./ },
    { good: false, value: { id: 'c0', name: 'Again', baseUrl: 'http://127.0.0.1:31010' }, problem: /share an id/ },
  );
const goodRule = (n: number) =>
  fc.constantFrom('example.com', '*.example.org', 'https://news.example/tech/', 'blog.example.net/posts').map(
    (pattern): Part<unknown> => ({ good: true, value: { id: `r${n}`, pattern, tagNames: ['web'] } }),
  );
const badRule = (n: number) =>
  fc.constantFrom<Part<unknown>>(
    { good: false, value: { id: `r${n}`, pattern: '   ', tagNames: [] }, problem: /^pattern: Enter a site/ },
    { good: false, value: { id: `r${n}`, pattern: 'javascript:alert(1)', tagNames: [] }, problem: /^pattern: Use a host such as/ },
    { good: false, value: { id: `r${n}`, pattern: 'ftp://files.example/', tagNames: [] }, problem: /^pattern: Only http and https/ },
    { good: false, value: { id: `r${n}`, pattern: 'ex*ample.com', tagNames: [] }, problem: /^pattern: A wildcard is only allowed at the start/ },
    { good: false, value: { id: `r${n}`, pattern: 'example.com', spaceId: '../../x', tagNames: [] }, problem: /^spaceId: not an Anytype id/ },
    { good: false, value: { id: 'r0', pattern: 'dup.example', tagNames: [] }, problem: /another rule has the same id/ },
    { good: false, value: 42, problem: /./ },
  );

/** Index 0 is always good, so a duplicate of c0 / r0 is always a duplicate. */
const parts = (good: (n: number) => fc.Arbitrary<Part<unknown>>, bad: (n: number) => fc.Arbitrary<Part<unknown>>) =>
  fc
    .array(fc.boolean(), { minLength: 1, maxLength: 8 })
    .chain((kinds) => fc.tuple(...kinds.map((isGood, n) => (n === 0 || isGood ? good(n) : bad(n)))));

const settingsFile = fc.record({
  connections: parts(goodConnection, badConnection),
  rules: parts(goodRule, badRule),
  defaults: fc.constantFrom<Part<unknown>>(
    { good: true, value: { spaceId: 'bafyreispace', typeKey: 'page', tagNames: ['later'] } },
    { good: false, value: { typeKey: 'Not A Key' }, problem: /^typeKey: not a type key/ },
  ),
  activeIsListed: fc.boolean(),
});

describe('importing a settings file part by part', () => {
  it('imports every part it can read and refuses each other part alone, at its place, with its reason', () => {
    fc.assert(
      fc.property(settingsFile, ({ connections, rules, defaults, activeIsListed }) => {
        const file = {
          format: SETTINGS_FILE_FORMAT,
          version: 1,
          connections: { connections: connections.map((p) => p.value), activeId: activeIsListed ? 'c0' : 'gone' },
          clip: { defaults: defaults.value, siteRules: rules.map((p) => p.value) },
        };
        const result = readSettingsImport(JSON.parse(JSON.stringify(file)));
        if (!result.ok) throw new Error(result.error);
        const { read } = result;
        expect(read.connections?.connections).toEqual(connections.filter((p) => p.good).map((p) => p.value));
        expect(read.connections?.activeId).toBe('c0');
        expect(read.siteRules).toEqual(rules.filter((p) => p.good).map((p) => p.value));
        expect(read.defaults).toEqual(defaults.good ? defaults.value : undefined);

        const expected = [
          ...connections.flatMap((p, i) => (p.good ? [] : [{ where: `connection ${i + 1}`, problem: p.problem }])),
          ...(activeIsListed ? [] : [{ where: 'active connection', problem: /Desktop|anytype-cli|Büro/ }]),
          ...(defaults.good ? [] : [{ where: 'defaults', problem: defaults.problem }]),
          ...rules.flatMap((p, i) => (p.good ? [] : [{ where: `rule ${i + 1}`, problem: p.problem }])),
        ];
        expect(read.refused.map((r) => r.where)).toEqual(expected.map((e) => e.where));
        for (const [i, r] of read.refused.entries()) expect(r.problem, r.where).toMatch(expected[i]!.problem);

        const summary = importSummary(reportOf(read));
        const goodConnections = connections.filter((p) => p.good).length;
        const goodRules = rules.filter((p) => p.good).length;
        expect(summary.imported).toBe(
          `Imported: ${goodConnections} connection${goodConnections === 1 ? '' : 's'}${defaults.good ? ', the defaults' : ''}, ${goodRules} site rule${goodRules === 1 ? '' : 's'}.`,
        );
        expect(summary.refused).toEqual(refusalLines(read.refused));
      }),
      { seed: 16_1, numRuns: 300 },
    );
  });

  it('names a rule with an empty pattern by its number', () => {
    const result = readSettingsImport({
      format: SETTINGS_FILE_FORMAT,
      version: 1,
      connections: { connections: [{ id: 'desktop', name: 'Desktop', baseUrl: 'http://127.0.0.1:31009' }], activeId: 'desktop' },
      clip: { siteRules: [{ id: 'a', pattern: 'a.example' }, { id: 'b', pattern: 'b.example' }, { id: 'c', pattern: '' }] },
    });
    expect(result.ok && refusalLines(result.read.refused)).toEqual(['rule 3: pattern: Enter a site, e.g. example.com or *.example.com']);
    expect(result.ok && result.read.siteRules?.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('leaves what the file cannot give as it is, and refuses whole only a file that is not ours', () => {
    const result = readSettingsImport({ format: SETTINGS_FILE_FORMAT, version: 1, connections: 'x', clip: { siteRules: 'x' } });
    expect(result).toMatchObject({
      ok: true,
      read: {
        connections: undefined,
        siteRules: undefined,
        defaults: { tagNames: [] },
        refused: [{ where: 'connections' }, { where: 'site rules' }],
      },
    });
    for (const [data, error] of [
      [null, /not a Clip to Anytype settings file/],
      [[1], /not a Clip to Anytype settings file/],
      [{ format: 'other', version: 1 }, /not a Clip to Anytype settings file/],
      [{ format: SETTINGS_FILE_FORMAT, version: 2 }, /newer version/],
    ] as const) {
      expect(readSettingsImport(data)).toMatchObject({ ok: false, error: expect.stringMatching(error) });
    }
  });
});
