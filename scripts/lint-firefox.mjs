#!/usr/bin/env node
// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the Firefox build. Errors fail
// the step, as before. So do its warnings about code that can run page markup or strings as code
// (an innerHTML assignment or insertAdjacentHTML call with a variable, eval, document.write) in
// our bundles, unless tests/lint/web-ext-allowlist.json lists them, file by file and code by code,
// each with the code around it and the reason it is safe: a new one must be looked at, and the
// list says why it is fine. A listed one that is gone fails too, so the list never vouches for
// code that changed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ALLOWLIST = 'tests/lint/web-ext-allowlist.json';
/** The linter's codes for code that parses markup or runs strings (addons-linter's messages). */
export const GATED_CODES = ['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL', 'NO_IMPLIED_EVAL', 'NO_DOCUMENT_WRITE'];

/** Whether a linted file's path matches an entry's `file` (`*` stands for a build hash or any name part). */
function fileMatches(pattern, file) {
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${source}$`).test(file ?? '');
}

/**
 * Whether `context` matches the bundle's code over the warning's position (the linter points at
 * the `.innerHTML` of the assignment): a context vouches only for the assignment it is written around.
 */
function matchesAround(context, text, line, column) {
  const lineText = text.split('\n')[(line ?? 1) - 1] ?? '';
  const at = column ?? 0;
  const from = Math.max(0, at - 200);
  const offset = at - from;
  const window = lineText.slice(from, at + 80);
  for (const match of window.matchAll(new RegExp(context, 'g'))) {
    if (match.index <= offset && match.index + match[0].length > offset) return true;
  }
  return false;
}

/**
 * What fails the step, given the linter's JSON report, the allowlist's entries ({ file, code,
 * context, count, reason }: `context` a regular expression the code around each warning must
 * match, `count` how many warnings it vouches for) and a reader of the linted files: one sentence
 * per problem, none when the step passes.
 */
export function judge(report, allowlist, readFile) {
  const problems = [];
  for (const error of report.errors ?? []) problems.push(`error ${error.code} in ${error.file ?? 'the package'}: ${error.message}`);
  const matched = allowlist.map(() => 0);
  allowlist.forEach((entry, i) => {
    const name = `${ALLOWLIST} entry ${i + 1} (${entry.file} ${entry.code})`;
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) problems.push(`${name} gives no reason`);
    if (!Number.isInteger(entry.count) || entry.count < 1) problems.push(`${name} gives no count`);
    if (typeof entry.context !== 'string' || entry.context.length < 10) problems.push(`${name} gives no context`);
  });
  const texts = new Map();
  for (const warning of report.warnings ?? []) {
    if (!GATED_CODES.includes(warning.code)) continue;
    if (!texts.has(warning.file)) texts.set(warning.file, readFile(warning.file));
    const text = texts.get(warning.file);
    const index = allowlist.findIndex(
      (entry) =>
        entry.code === warning.code && fileMatches(entry.file, warning.file) && matchesAround(entry.context, text, warning.line, warning.column),
    );
    if (index < 0) {
      const lineText = text.split('\n')[(warning.line ?? 1) - 1] ?? '';
      const code = lineText.slice(Math.max(0, (warning.column ?? 0) - 80), (warning.column ?? 0) + 40);
      problems.push(`${warning.file}:${warning.line}:${warning.column} ${warning.code} is not in ${ALLOWLIST}: …${code}…`);
    }
    else matched[index] += 1;
  }
  allowlist.forEach((entry, i) => {
    if (matched[i] !== entry.count) {
      problems.push(`${ALLOWLIST} entry ${i + 1} (${entry.file} ${entry.code}) vouches for ${entry.count}, ${matched[i]} found: review the code and update the entry`);
    }
  });
  return problems;
}

function lint(sourceDir) {
  const bin = join(root, 'node_modules', '.bin', 'web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', sourceDir, '--self-hosted', '--output', 'json', '--warnings-as-errors=false'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report (exit ${run.status}): ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout.slice(start));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sourceDir = process.argv[2] ?? '.output/firefox-mv3';
  const report = lint(sourceDir);
  const allowlist = JSON.parse(readFileSync(join(root, ALLOWLIST), 'utf8')).entries;
  const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
  console.log(`web-ext lint ${sourceDir}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const w of report.warnings ?? []) console.log(`  warning ${w.code} ${w.file ?? ''}${w.line ? `:${w.line}` : ''} ${w.message}`);
  const problems = judge(report, allowlist, (file) => readFileSync(join(root, sourceDir, file), 'utf8'));
  for (const line of problems) console.error(`lint:firefox: ${line}`);
  process.exit(problems.length ? 1 : 0);
}
