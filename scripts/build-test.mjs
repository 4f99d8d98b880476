#!/usr/bin/env node
// `npm run build:test`: one test build per e2e lane (scripts/e2e-lanes.mjs), each in
// .output/test/<lane build> with the Anytype URL of the lane's sandbox port. E2E_BUILD=1 makes the
// test-only build (wxt.config.ts): popup.html web-accessible, for Firefox's harness. One after the
// other: WXT writes .wxt/ on every build. `-- chromium` (or firefox) builds that browser's lanes only.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_LANES, laneUrl, lanesFor } from './e2e-lanes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lanes = process.argv[2] ? lanesFor(process.argv[2]) : E2E_LANES;

for (const lane of lanes) {
  const args = ['wxt', 'build', '-b', lane.target, ...(lane.target === 'firefox' ? ['--mv3'] : [])];
  const env = { ...process.env, E2E_BUILD: '1', E2E_BUILD_NAME: lane.build, WXT_E2E: '1', WXT_ANYTYPE_URL: laneUrl(lane) };
  const result = spawnSync('npx', args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build:test: the ${lane.name} lane's build failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}
