// @vitest-environment node
// The e2e lanes (scripts/e2e-lanes.mjs): each lane its own build and port, each browser's files split
// over its lanes with nothing run twice or dropped, and the split balanced by the files' weight.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E2E_LANES, laneNamed, lanesFor, laneUrl } from '../../../scripts/e2e-lanes.mjs';
import { fileWeight, weightedShard } from '../../e2e/harness/weighted-shards';

describe('e2e lanes', () => {
  it('give each lane its own port and build folder', () => {
    expect(new Set(E2E_LANES.map((lane) => lane.port)).size).toBe(E2E_LANES.length);
    expect(new Set(E2E_LANES.map((lane) => lane.build)).size).toBe(E2E_LANES.length);
    for (const lane of E2E_LANES) expect(laneUrl(lane)).toBe(`http://127.0.0.1:${lane.port}`);
  });

  it("split each browser's files into shards 1..n of n", () => {
    for (const browser of ['chromium', 'firefox']) {
      const lanes = lanesFor(browser);
      expect(lanes.length).toBeGreaterThan(0);
      expect(lanes.map((lane) => lane.shard)).toEqual(lanes.map((_, i) => [i + 1, lanes.length]));
      expect(laneNamed(undefined, browser)).toBe(lanes[0]);
    }
    expect(lanesFor(undefined)).toEqual(E2E_LANES);
    expect(() => lanesFor('safari')).toThrow(/E2E_BROWSERS names safari/);
    expect(() => laneNamed('nope', 'chromium')).toThrow(/E2E_LANE names nope/);
  });
});

describe('weighted shards', () => {
  const items = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), weight: fc.integer({ min: 1, max: 20 }) }), {
    selector: (item) => item.name,
    maxLength: 30,
  });

  it('run every file exactly once over the shards, the same way each time, within one file of balance', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 4 }), (files, count) => {
        const shard = (index: number) => weightedShard(files, (f) => f.weight, (f) => f.name, index, count);
        const shards = Array.from({ length: count }, (_, i) => shard(i + 1));
        const names = shards.flat().map((f) => f.name);
        expect([...names].sort()).toEqual(files.map((f) => f.name).sort());
        expect(shards.map((s) => s.map((f) => f.name))).toEqual(Array.from({ length: count }, (_, i) => shard(i + 1).map((f) => f.name)));
        const loads = shards.map((s) => s.reduce((sum, f) => sum + f.weight, 0));
        const heaviest = Math.max(0, ...files.map((f) => f.weight));
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(heaviest);
      }),
    );
  });

  it('weigh a file by its browser starts and its tests', () => {
    expect(fileWeight('')).toBe(1);
    const source = [
      "describe.each(BROWSERS)('a in $name', () => {",
      "  test('one', async () => {});",
      "  test('two', async () => {});",
      '});',
      "describe('b', () => {",
      "  test.each([1, 2])('three %s', async () => {});",
      '});',
      "// test('in a comment') is counted only at a line's start",
    ].join('\n');
    expect(fileWeight(source)).toBe(2 + 3);
  });
});
