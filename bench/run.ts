/**
 * Performance bench: bundle sizes and two browser timings, with budgets.
 *
 *   npm run bench [-- --no-build] [--rounds N] [--check] [--port-wait S]
 *
 * 1. gzip size per entrypoint of the production Chrome build (.output/chrome-mv3).
 * 2. Popup first render in headless Chromium with the test build (.output/test/chrome-mv3), paired
 *    against the sandbox on 127.0.0.1:31019: the toolbar popup's navigation start → "Save to Anytype"
 *    visible and enabled (and the popup opened as a tab, for reference).
 * 3. Save latency for a ~100 KB article: click on Save → the sandbox receives the create request.
 * Medians over N rounds (default 5). Exit 0 always, unless --check: then 1 when a figure is over budget
 * or could not be measured. Timings are never asserted in tests; they live here.
 */
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startArticleServer } from './perf/article';
import { TEST_BUILD_ROOT } from '../scripts/e2e-lanes.mjs';
import { buildProduction, buildTest, CHROMIUM_LANE } from './perf/build';
import { PHASES, type PhaseName } from './perf/toolbar-popup';
import { failsCheck, type Row, renderTable } from './perf/report';
import { acquireE2eLock } from './perf/e2e-lock';
import { startTimedSandbox } from './perf/sandbox';
import { entrypointSizes } from './perf/sizes';
import { median } from './perf/stats';
import { emptyResults, runTimings, type Series, type TimingResults } from './perf/timings';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
function numberArg(name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const ROUNDS = numberArg('rounds', 5);
// How long to wait for running e2e tests (the shared lock and port 31019) before skipping the timings.
const PORT_WAIT_MS = numberArg('port-wait', 90) * 1000;
const BUDGET_KB: Record<string, number> = { 'clipper (injected)': 60, popup: 45, background: 35 };
const POPUP_BUDGET_MS = 100;
const SAVE_BUDGET_MS = 150;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sizeRows(): Row[] {
  const dir = join(ROOT, '.output/chrome-mv3');
  try {
    return entrypointSizes(dir).map((e) => ({
      section: 'size',
      name: e.name,
      value: e.gzipBytes / 1024,
      unit: 'KB gzip',
      budget: BUDGET_KB[e.name],
      note: `${(e.rawBytes / 1024).toFixed(1)} KB raw: ${e.files.join(' + ')}`,
    }));
  } catch (error) {
    return [{ section: 'size', name: 'all entrypoints', value: undefined, unit: 'KB gzip', note: errorText(error) }];
  }
}

function testBuildOrPrevious(): void {
  try {
    buildTest(ROOT);
  } catch (error) {
    process.stderr.write(`bench: ${errorText(error)}; timing the test build already on disk\n`);
  }
}

const HOW = [
  'How measured:',
  '  sizes: gzip -9 of each entrypoint file plus the chunks it imports statically (and the CSS popup.html links), production build.',
  '  first render: ms from the popup\'s navigation start to "Save to Anytype" visible and enabled, warm service worker.',
  '    toolbar popup: the popup a click on the toolbar button opens, opened by chrome.action.openPopup() from the worker over',
  '    the measured tab. Nothing is attached to it while it loads; once it has drawn, the bench attaches (DevTools) and reads',
  '    its timeline: Navigation Timing, and the marks the popup leaves when its script starts and when Save is first usable',
  '    (lib/popup/timing-marks.ts). Its first contentful paint is the Paint Timing entry (reference only).',
  '    opened as a tab: popup.html?tabId=<tab> in a new tab, an init script watching the DOM for the first mutation after',
  '    which Save is visible and enabled (the same moment as the popup\'s mark: their difference is printed below). A tab',
  '    costs the browser more before the popup\'s script may run (the tab\'s own page is swapped out), so this row is higher.',
  '    The popup draws from the last popup\'s snapshot (lib/popup/snapshot.ts), left by the warm-up open; "no snapshot" rounds',
  '    remove it first (as after install or a settings change): that form waits for storage and the worker.',
  '  save: Node clock (performance.timeOrigin + now) right before one trusted mouse click on Save in the popup opened as a tab',
  '    → Node http diagnostics channel "http.server.request.start" for POST /v1/spaces/{id}/objects in the in-process sandbox.',
  '  sandbox busy: wall time the sandbox spent answering requests inside the span (its Ajv validation is not Anytype\'s cost).',
];

function timingRow(name: string, series: Series, budget: number | undefined, failure?: string): Row {
  const v = series.total;
  const parts = [
    v.length ? `n=${v.length}, min ${Math.min(...v).toFixed(1)}, max ${Math.max(...v).toFixed(1)}` : '',
    v.length ? `sandbox busy ${median(series.sandbox).toFixed(1)} ms, ${series.requests.length} request(s)` : '',
    v.length < ROUNDS && failure ? (v.length ? `stopped early: ${failure}` : failure) : '',
  ];
  const note = parts.filter(Boolean).join('; ');
  return { section: 'time', name, value: v.length ? median(v) : undefined, unit: 'ms', budget, note };
}

function requestLines(label: string, series: Series): string[] {
  return series.requests.length ? [`  ${label}: ${series.requests.join(', ')}`] : [];
}

let details: string[] = [];

async function timingRows(build: boolean): Promise<Row[]> {
  const results: TimingResults = emptyResults();
  let failure: string | undefined;
  const pages = await startArticleServer();
  try {
    // The shared e2e lock, then the port, then the test build: nothing else uses 31019 or .output/test meanwhile.
    process.stderr.write(`bench: waiting for the e2e lock (up to ${PORT_WAIT_MS / 1000} s)\n`);
    const lock = await acquireE2eLock(PORT_WAIT_MS);
    try {
      const timed = await startTimedSandbox(PORT_WAIT_MS);
      try {
        if (build) testBuildOrPrevious();
        await runTimings(join(ROOT, TEST_BUILD_ROOT, CHROMIUM_LANE.build), timed, pages, ROUNDS, results);
        const violations = timed.sandbox.violations();
        if (violations.length) details.push(`Sandbox spec violations: ${violations.length}, first: ${violations[0]!.message}`);
      } finally {
        await timed.close();
      }
    } finally {
      lock.release();
    }
  } catch (error) {
    failure = errorText(error);
  } finally {
    await pages.close();
  }
  const kb = (pages.articleBytes / 1024).toFixed(0);
  const offset = results.clockOffset;
  details = [
    ...details,
    results.save.requests.length ? 'Requests to Anytype inside each span, last round (+ms after the span began, sandbox time):' : '',
    ...requestLines('toolbar popup, small page', results.popupSmall),
    ...requestLines('toolbar popup, no snapshot', results.popupCold),
    ...requestLines('toolbar popup, article', results.popupArticle),
    ...requestLines('save, before the create', results.save),
    offset ? `Page clock − bench clock: ${offset.offset.toFixed(1)} ± ${offset.uncertainty.toFixed(1)} ms (corrected for).` : '',
  ].filter(Boolean);
  const fcp = results.popupPhases.fcp ?? [];
  const phase = (label: string, v: number[]) => `${label} ${median(v).toFixed(0)} ms`;
  const moments: { label: string; v: number[] }[] = (Object.keys(PHASES) as PhaseName[]).map((name) => ({ label: PHASES[name], v: results.popupPhases[name] ?? [] }));
  if (results.popupSmall.total.length) {
    moments.push({ label: 'Save usable', v: results.popupSmall.total });
    const inOrder = moments.filter((m) => m.v.length).sort((x, y) => median(x.v) - median(y.v));
    details.push(`Toolbar popup, small page, medians from navigation start: ${inOrder.map((m) => phase(m.label, m.v)).join(' → ')}`);
    details.push(`  rounds, Save usable: ${results.popupSmall.total.map((v) => v.toFixed(0)).join(', ')} ms`);
  }
  if (results.openToNavigation.length) {
    const opening = median(results.openToNavigation).toFixed(0);
    details.push(`Before that, the browser's own: chrome.action.openPopup() → the popup's navigation start ${opening} ms (median; not counted).`);
  }
  if (results.markLag.length) {
    const worst = Math.max(...results.markLag.map(Math.abs)).toFixed(1);
    details.push(`Save mark − DOM observer, popup opened as a tab: median ${median(results.markLag).toFixed(1)} ms, largest ${worst} ms (n=${results.markLag.length}).`);
  }
  if (results.errors.length) details.push(`Failed rounds (retried): ${results.errors.length}`, ...results.errors.map((e) => `  ${e}`));
  return [
    {
      section: 'time',
      name: 'popup first contentful paint (toolbar popup, small page)',
      value: fcp.length ? median(fcp) : undefined,
      unit: 'ms',
      note: fcp.length ? `n=${fcp.length}, min ${Math.min(...fcp).toFixed(1)}, max ${Math.max(...fcp).toFixed(1)}` : (failure ?? 'not reported'),
    },
    timingRow('popup first render (toolbar popup, small page)', results.popupSmall, POPUP_BUDGET_MS, failure),
    timingRow('popup first render, no snapshot (toolbar popup)', results.popupCold, undefined, failure),
    timingRow(`popup first render (toolbar popup, ${kb} KB article)`, results.popupArticle, POPUP_BUDGET_MS, failure),
    timingRow('popup first render, opened as a tab (small page)', results.popupTab, undefined, failure),
    timingRow(`save click → create request (${kb} KB article)`, results.save, SAVE_BUDGET_MS, failure),
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const rows: Row[] = [];
  const build = !flag('no-build');
  let buildFailed: string | undefined;
  if (build) {
    try {
      buildProduction(ROOT);
    } catch (error) {
      buildFailed = errorText(error);
      process.stderr.write(`bench: ${buildFailed}; measuring the build already on disk\n`);
    }
  }
  rows.push(...sizeRows());
  const loadBefore = loadavg()[0]!;
  rows.push(...(await timingRows(build)));

  console.log(`\nClip to Anytype bench — medians of ${ROUNDS} rounds, headless Chromium (${new Date().toISOString()})\n`);
  console.log(renderTable(rows));
  const load = Math.max(loadBefore, loadavg()[0]!);
  const cores = cpus().length;
  const busy = load > cores ? ' — the machine was busy; timings are inflated, rerun when it is idle' : '';
  console.log(`\nLoad average (1 min, worst of start/end of the timings) ${load.toFixed(1)} on ${cores} CPU(s)${busy}`);
  console.log(`\n${HOW.join('\n')}`);
  if (details.length) console.log(`\n${details.join('\n')}`);
  if (buildFailed) console.log(`\nProduction build failed, sizes are from the previous build: ${buildFailed}`);
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const failing = rows.filter(failsCheck);
  if (flag('check') && failing.length) {
    console.log(`--check: ${failing.length} figure(s) over budget or not measured: ${failing.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = flag('check') ? 1 : 0;
});
