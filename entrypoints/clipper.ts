import { capturePage } from '../lib/capture/capture-page';
import { PAGE_MODES, type PageMode } from '../lib/capture/schema';

// Injected on demand by the background (lib/background/scripting-capturer.ts), which first sets
// the mode in this isolated world. What main returns is the executeScript result.
export default defineUnlistedScript(() => {
  const scope = globalThis as Record<string, unknown>;
  const requested = scope.__clipToAnytypeMode;
  delete scope.__clipToAnytypeMode;
  const mode: PageMode = PAGE_MODES.includes(requested as PageMode) ? (requested as PageMode) : 'article';
  return capturePage(document, window.getSelection(), mode);
});
