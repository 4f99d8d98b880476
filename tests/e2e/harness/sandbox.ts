import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index';
import { SANDBOX_PORT } from './config';

/**
 * One Anytype sandbox per test file on the e2e build's fixed port (files run one at a time).
 * After every test: no spec violations, then a fresh vault, fresh keys, classic mode and an empty log.
 * Returns a getter because the sandbox only exists once beforeAll has run.
 */
export function useSandbox(): () => Sandbox {
  let sandbox: Sandbox | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: SANDBOX_PORT, log: (line) => lines.push(line) });
  });

  afterEach(async () => {
    const current = get();
    // Every request the extension made must match the OpenAPI spec the sandbox validates against.
    expect(current.violations()).toEqual([]);
    await current.control.reset({ keys: true });
    await current.control.setMode('classic');
    await current.control.clearLog();
    lines.length = 0;
  });

  afterAll(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  function get(): Sandbox {
    if (!sandbox) throw new Error('The sandbox is not running (useSandbox() must be called at the top of the file)');
    return sandbox;
  }
  return get;
}
