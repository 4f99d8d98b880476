export declare function requiredNodeMajor(): number;
export declare function neededBrowsers(env: Record<string, string | undefined>): Array<'chromium' | 'firefox'>;
export declare function problems(
  env?: Record<string, string | undefined>,
  nodeVersion?: string,
  exists?: (path: string) => boolean,
): string[];
