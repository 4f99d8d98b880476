import { capturePage } from '../lib/capture/capture-page';
import { captureWithImages } from '../lib/capture/capture-with-images';
import { PAGE_MODES, type PageMode } from '../lib/capture/schema';
import { INJECTED, takeInjected } from '../lib/protocol/injected-globals';

// Injected on demand by the background (lib/background/scripting-capturer.ts), which first sets
// the mode (and whether to inline images) in this isolated world. What main returns, or the value
// its promise settles to, is the executeScript result.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const requested = takeInjected(scope, INJECTED.clipperMode);
  const inlineImages = takeInjected(scope, INJECTED.clipperImages) === true;
  const mode: PageMode = PAGE_MODES.includes(requested as PageMode) ? (requested as PageMode) : 'article';
  if (!inlineImages) return capturePage(document, window.getSelection(), mode);
  return captureWithImages(document, window.getSelection(), mode, (url, init) => fetch(url, init));
});
