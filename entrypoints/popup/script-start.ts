/**
 * Imported first, so it runs first: the moment the browser lets the popup's script run, which the
 * bench (bench/perf/popup.ts) prints beside the first render to tell the browser's share of that
 * time from the popup's own.
 */
performance.mark('popup-script-start');
