import type { PopupPage } from './types';
import { waitUntil } from './wait';

/**
 * Moves an extension page to another of the extension's pages (`options.html#queue`, say) and
 * returns once the new page has drawn its first heading. A click issued before that could land
 * on the old page's button of the same name (the popup has a Disconnect too), so callers act only
 * after this returns.
 */
export async function navigateWithin(page: PopupPage, path: string): Promise<void> {
  const pathname = `/${path.split('#')[0]}`;
  // Navigate after the call returns, so the evaluation is not cut off by the page going away.
  await page.evaluate(new Function(`setTimeout(() => location.assign(${JSON.stringify(path)}), 0)`) as () => void);
  await waitUntil(`the page ${path}`, async () =>
    (await page.evaluate(
      new Function(
        `return location.pathname.endsWith(${JSON.stringify(pathname)}) && document.readyState === 'complete' && document.querySelector('h1, h2') !== null`,
      ) as () => boolean,
    ))
      ? true
      : undefined,
  );
}
