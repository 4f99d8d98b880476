// `npm run lint:firefox` (scripts/lint-firefox.mjs): web-ext lint's warnings about unsafe
// assignments fail the step unless tests/lint/web-ext-allowlist.json vouches for each, by file,
// code and the code around it, with a reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST, type AllowlistEntry, judge, type LintReport } from '../../../scripts/lint-firefox.mjs';

const ROOT = join(__dirname, '..', '..', '..');
const BUNDLE = 'var a=1;x.innerHTML=y.__html;b();const d=doc.createElement("div");d.innerHTML=page;';
const at = (needle: string, nth = 0) => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = BUNDLE.indexOf(needle, index + 1);
  return index;
};
const warning = (column: number, file = 'clipper.js') => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file, line: 1, column });
const PREACT: AllowlistEntry = { file: 'chunks/popup-*.js', code: 'UNSAFE_VAR_ASSIGNMENT', context: '[\\w$]+\\.innerHTML=[\\w$]+\\.__html', count: 1, reason: 'Preact: dangerouslySetInnerHTML, which no component passes.' };
const read = () => BUNDLE;

describe('judge', () => {
  const preactWarning = warning(at('.innerHTML=y'), 'chunks/popup-B1gI6QFc.js');

  it('passes warnings the allowlist vouches for, whatever the build hash', () => {
    expect(judge({ warnings: [preactWarning] }, [PREACT], read)).toEqual([]);
  });

  it('fails a warning nobody listed, and one whose code is not the listed code', () => {
    const report: LintReport = { warnings: [preactWarning, warning(at('.innerHTML=page'))] };
    expect(judge(report, [PREACT], read)).toEqual([expect.stringMatching(/^clipper\.js:1:\d+ UNSAFE_VAR_ASSIGNMENT is not in/)]);
    // The listed context elsewhere on the line does not vouch for another assignment.
    expect(judge({ warnings: [warning(at('.innerHTML=page'), 'chunks/popup-x.js')] }, [PREACT], read)).toHaveLength(2);
  });

  it('fails when the count differs (a new one, or one gone), or an entry gives no reason', () => {
    expect(judge({ warnings: [] }, [PREACT], read)).toEqual([expect.stringContaining('vouches for 1, 0 found')]);
    expect(judge({ warnings: [preactWarning, preactWarning] }, [PREACT], read)).toEqual([expect.stringContaining('vouches for 1, 2 found')]);
    expect(judge({ warnings: [preactWarning] }, [{ ...PREACT, reason: '' }], read)).toEqual([expect.stringContaining('gives no reason')]);
  });

  it('ignores other warnings and fails on errors', () => {
    const other = { ...preactWarning, code: 'MANIFEST_PERMISSIONS' };
    expect(judge({ warnings: [other] }, [], read)).toEqual([]);
    expect(judge({ errors: [{ ...other, code: 'JSON_INVALID' }] }, [], read)).toEqual([expect.stringContaining('error JSON_INVALID')]);
  });
});

describe('the allowlist', () => {
  const entries = JSON.parse(readFileSync(join(ROOT, ALLOWLIST), 'utf8')).entries as AllowlistEntry[];

  it('gives each entry a file, a context that compiles, a count and a reason', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(() => new RegExp(entry.context)).not.toThrow();
      expect(entry.count).toBeGreaterThan(0);
      expect(entry.reason.length).toBeGreaterThan(40);
    }
    expect(judge({ warnings: [] }, entries, read).filter((p) => !p.includes('found'))).toEqual([]);
  });

  it('vouches for Preact’s innerHTML only while no source of ours passes dangerouslySetInnerHTML', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) sources.push(path);
      }
    };
    for (const dir of ['components', 'entrypoints', 'lib']) walk(join(ROOT, dir));
    expect(sources.filter((path) => readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML'))).toEqual([]);
  });

  it('is what npm run lint:firefox applies', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['lint:firefox']).toBe('node scripts/lint-firefox.mjs');
  });
});
