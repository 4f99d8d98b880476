export type BrowserName = 'chromium' | 'firefox';
export declare const BROWSERS: Record<BrowserName, { label: string; env: string; defaultPath: string }>;
export declare const START_CHROMIUM_ENV: string;
export declare const INSTALL_COMMAND: string;
export declare function browserPath(name: BrowserName, env?: Record<string, string | undefined>): string;
export declare function startChromiumPath(env?: Record<string, string | undefined>): string;
export declare function missingBrowserMessage(name: BrowserName, path: string): string;
