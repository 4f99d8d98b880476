// `npm run lint:manifest`: the built release manifests (.output/chrome-mv3, .output/firefox-mv3)
// against the expected security fields in tests/unit/manifest/expected-manifest.ts, the same
// literal the unit test holds wxt.config.ts to. Also checks what WXT itself adds at build time.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPECTED_MANIFESTS, manifestDifferences, securityView } from '../tests/unit/manifest/expected-manifest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `--out <dir>` checks another build folder (default .output). */
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 ? (process.argv[outFlag + 1] ?? '.output') : join(root, '.output');
let failed = false;
for (const browser of ['chrome', 'firefox'] as const) {
  const path = join(outDir, `${browser}-mv3`, 'manifest.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    console.error(`lint:manifest: cannot read ${path} (run npm run build first): ${String(error)}`);
    failed = true;
    continue;
  }
  const differences = manifestDifferences(EXPECTED_MANIFESTS[browser], securityView(manifest));
  if (differences.length === 0) {
    console.log(`lint:manifest: ${browser} manifest allows what tests/unit/manifest/expected-manifest.ts lists`);
    continue;
  }
  failed = true;
  console.error(`lint:manifest: the built ${browser} manifest differs from the expected security fields:`);
  for (const line of differences) console.error(`  ${line}`);
}
if (failed) {
  console.error('A change of what the extension may do: review it, then update tests/unit/manifest/expected-manifest.ts.');
  process.exit(1);
}
