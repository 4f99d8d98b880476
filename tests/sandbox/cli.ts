/**
 * `npx tsx tests/sandbox/cli.ts --port 31009 --mode classic|strict|current`
 * Prints the URL and every pairing code the way Desktop would show it. In strict mode, press Enter
 * to approve the oldest waiting pairing request (or POST /__sandbox/approve). In current mode the
 * terminal is Desktop's prompt: a or Enter approves, d denies, then it asks for the spaces and the
 * permission, and shows the code (see terminal-prompt.ts). `--prompt-timeout` shortens the 180 s lapse.
 */
import { emitKeypressEvents } from 'node:readline';
import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import { TerminalPrompt } from './terminal-prompt';
import { SANDBOX_MODES, type SandboxMode } from './types';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '31009' },
    host: { type: 'string', default: '127.0.0.1' },
    mode: { type: 'string', default: 'classic' },
    'prompt-timeout': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const mode = values.mode as SandboxMode;
if (!SANDBOX_MODES.includes(mode)) {
  console.error(`--mode must be ${SANDBOX_MODES.join(', ')}, not "${values.mode}"`);
  process.exit(2);
}
const promptTimeoutS = values['prompt-timeout'] === undefined ? undefined : Number(values['prompt-timeout']);
if (promptTimeoutS !== undefined && !(promptTimeoutS > 0)) {
  console.error('--prompt-timeout must be a number of seconds');
  process.exit(2);
}

let spaces: { id: string; name: string }[] = [];
const prompt = new TerminalPrompt(() => spaces);
const print = (lines: string[]) => {
  for (const line of lines) console.log(line);
};

const sandbox = await startSandbox({
  port: Number(values.port),
  host: values.host,
  mode,
  promptTimeoutMs: promptTimeoutS === undefined ? undefined : promptTimeoutS * 1000,
  // Current mode: the prompt prints the requests and codes itself.
  onPairing: (event) => print(prompt.event(event).lines),
  log: (line) => {
    if (mode === 'current' && line.startsWith('Anytype pairing')) return;
    if (!values.quiet || line.startsWith('Anytype pairing')) console.log(line);
  },
});
spaces = (await sandbox.control.spaces()).filter((s) => !s.isChat);
console.log(`Anytype sandbox (${mode}) listening on ${sandbox.url}`);
console.log(
  `Control: ${sandbox.url}/__sandbox/{pending-challenges,approve,deny,choose-grant,issue-key,expire-key,set-key-grant,faults,log,objects,violations,reset}`,
);

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};

const report = (e: unknown) => console.log(e instanceof Error ? e.message : String(e));

if (process.stdin.isTTY) {
  emitKeypressEvents(process.stdin);
  process.stdin.setRawMode(true);
  process.stdin.on('keypress', (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    if (key?.ctrl && key.name === 'c') return stop();
    const name = key?.name ?? str ?? '';
    if (mode !== 'current') {
      if (name === 'return') sandbox.control.approve().catch(report);
      return;
    }
    const out = prompt.key(name);
    print(out.lines);
    if (out.action?.type === 'approve') sandbox.control.approve(out.action.challengeId, out.action.grant).catch(report);
    if (out.action?.type === 'deny') sandbox.control.deny(out.action.challengeId).catch(report);
  });
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
