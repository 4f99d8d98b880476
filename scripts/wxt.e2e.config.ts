import { defineConfig } from 'wxt';
import base from '../wxt.config';

// The e2e build: the project's config, written to .output/test/<browser>-mv3 so it never replaces
// the release build in .output/. (wxt 0.21's CLI has no --outDir; a config file can set outDir.)
export default defineConfig({ ...base, outDir: '.output/test' });
