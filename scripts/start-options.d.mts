export declare const START_USAGE: string;
export declare function parseStartArgs(argv: string[]): { mode: string; firefox: boolean; error?: undefined } | { error: string };
