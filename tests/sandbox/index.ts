/** The Anytype sandbox: a stand-in for Anytype Desktop's local API (see CONTRACTS.md). */
export { createControlClient } from './control-client';
export { startSandbox } from './server';
export { DROP_POINTS, FULL_GRANT, SANDBOX_MODES } from './types';
export type {
  DropPoint,
  Faults,
  IssueKeyOptions,
  KeyGrant,
  PairingEvent,
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
