export interface E2eLane {
  name: string;
  browser: 'chromium' | 'firefox';
  target: 'chrome' | 'firefox';
  build: string;
  port: number;
  shard: [number, number];
}
export declare const E2E_LANES: readonly E2eLane[];
export declare const TEST_BUILD_ROOT: string;
export declare function laneUrl(lane: E2eLane): string;
export declare function lanesFor(browsers: string | undefined): E2eLane[];
export declare function laneNamed(name: string | undefined, browser: string | undefined): E2eLane;
