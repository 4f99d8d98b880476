/** The Anytype sandbox: a stand-in for Anytype Desktop's local API (see CONTRACTS.md). */
export { createControlClient } from './control-client';
export { startSandbox } from './server';
export type {
  Faults,
  LogEntry,
  PendingChallenge,
  Sandbox,
  SandboxControl,
  SandboxMode,
  SandboxOptions,
  SpecViolation,
  StoredObject,
  StoredValue,
} from './types';
