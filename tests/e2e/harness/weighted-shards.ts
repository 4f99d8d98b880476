import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A browser with two e2e lanes (scripts/e2e-lanes.mjs) splits its files with `--shard`. Vitest's
 * own split gives each shard the same number of files, chosen by a hash of the path, so one lane
 * may get the three longest files. Here each file weighs one browser start plus one reset per test
 * it declares (a Firefox restart is most of a scenario's time), and files go, heaviest first, to
 * the lightest shard: the lanes end at about the same time whatever files are added.
 */
export function fileWeight(source: string): number {
  const count = (pattern: RegExp) => source.match(pattern)?.length ?? 0;
  const blocks = count(/^\s*describe(?:\.each\([^)]*\))?\(/gm); // a browser start each (useBrowser)
  const tests = count(/^\s*test(?:\.each\([^)]*\))?\(/gm); // a reset each
  return Math.max(1, blocks) + tests;
}

/** Greedy split of weighted items into `count` shards; returns shard `index` (1-based). */
export function weightedShard<T>(items: readonly T[], weight: (item: T) => number, key: (item: T) => string, index: number, count: number): T[] {
  const bins = Array.from({ length: count }, () => ({ load: 0, items: [] as T[] }));
  const ordered = [...items].sort((a, b) => weight(b) - weight(a) || key(a).localeCompare(key(b)));
  for (const item of ordered) {
    const lightest = bins.reduce((best, bin) => (bin.load < best.load ? bin : best));
    lightest.load += weight(item);
    lightest.items.push(item);
  }
  return bins[index - 1]?.items ?? [];
}

export default class WeightedShardSequencer extends BaseSequencer {
  override async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    const shard = this.ctx.config.shard;
    if (!shard) return files;
    const weights = new Map(files.map((file) => [file.moduleId, fileWeight(readFileSync(file.moduleId, 'utf8'))]));
    return weightedShard(files, (file) => weights.get(file.moduleId) ?? 1, (file) => file.moduleId, shard.index, shard.count);
  }
}
