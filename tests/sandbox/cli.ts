/**
 * `npx tsx tests/sandbox/cli.ts --port 31009 --mode classic|strict`
 * Prints the URL and every pairing code the way Desktop would show it. In strict mode, press Enter
 * to approve the oldest waiting pairing request (or POST /__sandbox/approve).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import type { SandboxMode } from './types';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '31009' },
    host: { type: 'string', default: '127.0.0.1' },
    mode: { type: 'string', default: 'classic' },
    quiet: { type: 'boolean', default: false },
  },
});

const mode = values.mode as SandboxMode;
if (mode !== 'classic' && mode !== 'strict') {
  console.error(`--mode must be classic or strict, not "${values.mode}"`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port: Number(values.port),
  host: values.host,
  mode,
  log: (line) => {
    if (!values.quiet || line.startsWith('Anytype pairing')) console.log(line);
  },
});
console.log(`Anytype sandbox (${mode}) listening on ${sandbox.url}`);
console.log(`Control: ${sandbox.url}/__sandbox/{pending-challenges,approve,issue-key,faults,log,objects,violations,reset}`);

if (process.stdin.isTTY) {
  createInterface({ input: process.stdin }).on('line', () => {
    sandbox.control.approve().catch((e: unknown) => console.log(e instanceof Error ? e.message : String(e)));
  });
}

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
