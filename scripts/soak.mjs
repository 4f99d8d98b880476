#!/usr/bin/env node
/**
 * npm run test:soak -- --seeds 200   200 random seeds of the fault soak (tests/unit/queue/soak.test.ts)
 * npm run test:soak -- --seed 12345  replays one seed exactly
 * Without arguments: the five fixed seeds `npm test` runs. Failing seeds are printed at the end.
 */
import { spawnSync } from 'node:child_process';

const argv = process.argv.slice(2);
const value = (name) => {
  const at = argv.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const v = argv[at + 1];
  if (v === undefined || !/^\d+$/.test(v)) {
    console.error(`--${name} needs a whole number, e.g. --${name} 200`);
    process.exit(2);
  }
  return v;
};
const env = { ...process.env };
const seed = value('seed');
const seeds = value('seeds');
if (seed !== undefined) env.SOAK_SEED = seed;
else if (seeds !== undefined) env.SOAK_SEEDS = seeds;
const result = spawnSync('npx', ['vitest', 'run', 'tests/unit/queue/soak.test.ts'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
