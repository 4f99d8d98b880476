export type PairingState =
  | { kind: 'desktop' }
  | { kind: 'idle' }
  | { kind: 'paired' }
  | { kind: 'approve'; appName: string }
  | { kind: 'code'; code: string; appName: string };
export interface LoggedRequest {
  method: string;
  path: string;
  authorization: string | null;
  status: number;
}
export interface WaitingChallenge {
  appName: string;
  code: string;
  approved: boolean;
}
export declare function chromiumExtensionIdForPath(absolutePath: string): string;
export declare function chromiumExtensionId(dir: string): string;
export declare function pairingState(input: { sandbox: boolean; log?: LoggedRequest[]; pending?: WaitingChallenge[] }): PairingState;
export declare function pairingSentence(state: PairingState): string;
export declare function startPageHtml(input: {
  browser: 'chromium' | 'firefox';
  optionsUrl: string;
  apiUrl: string;
  mode?: string;
  state: PairingState;
}): string;
export declare function serveStartPage(
  page: (state: PairingState) => string,
  readState: () => Promise<PairingState>,
): Promise<{ url: string; close: () => void }>;
