#!/usr/bin/env node
// The first step of `npm test`: say at once, in one sentence, what is missing (a too old Node, a
// browser), instead of a stack trace minutes later in the e2e run.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BROWSERS, FIREFOX_GERMAN_PACK, browserPath, missingBrowserMessage, missingLanguagePackMessage } from './browsers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The lowest Node major that package.json's `engines.node` (">=N") allows. */
export function requiredNodeMajor() {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node ?? '';
  const match = /^>=\s*(\d+)/.exec(range);
  if (!match) throw new Error(`package.json engines.node is "${range}"; this check reads ">=N".`);
  return Number(match[1]);
}

/**
 * The browsers `npm test` drives: Chromium always (the extraction floor runs in it), and those
 * E2E_BROWSERS names (both by default).
 */
export function neededBrowsers(env) {
  const e2e = env.E2E_BROWSERS ? env.E2E_BROWSERS.split(',').map((s) => s.trim()) : Object.keys(BROWSERS);
  return [...new Set(['chromium', ...e2e])].filter((name) => name in BROWSERS);
}

/** What is missing, one sentence each; empty when `npm test` can run. */
export function problems(env = process.env, nodeVersion = process.versions.node, exists = existsSync) {
  const found = [];
  const required = requiredNodeMajor();
  const major = Number(nodeVersion.split('.')[0]);
  if (major < required) found.push(`Node ${nodeVersion} is too old: the project is tested on Node ${required} and later (package.json engines).`);
  for (const name of neededBrowsers(env)) {
    const path = browserPath(name, env);
    if (!exists(path)) found.push(missingBrowserMessage(name, path));
    else if (name === 'firefox' && path === BROWSERS.firefox.defaultPath && !exists(FIREFOX_GERMAN_PACK)) found.push(missingLanguagePackMessage());
  }
  return found;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = problems();
  for (const line of found) console.error(`npm test: ${line}`);
  process.exit(found.length ? 1 : 0);
}
