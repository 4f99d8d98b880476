// `npm start [-- --mode classic|strict|current] [--firefox]`: what the command line asks for.
// The mode is the sandbox's to check (tests/sandbox/cli.ts knows its modes), so it is passed on as given.
import { parseArgs } from 'node:util';

export const START_USAGE = 'Usage: npm start [-- --mode classic|strict|current] [--firefox]';

/** The options, or `{ error }` with the sentence to print. */
export function parseStartArgs(argv) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { mode: { type: 'string', default: 'classic' }, firefox: { type: 'boolean', default: false } },
    });
    return { mode: values.mode, firefox: values.firefox };
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}\n${START_USAGE}` };
  }
}
