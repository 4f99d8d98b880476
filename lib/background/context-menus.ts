/**
 * The right-click entries and keyboard commands, mapped to clip modes. The menu ids and command
 * names are the whole vocabulary: anything else is ignored.
 */
import type { ClipMode } from '../capture/schema';

export const MENU_ITEMS = [
  { id: 'clip-page', titleKey: 'menus.clipPage', contexts: ['page'], mode: 'article' },
  { id: 'clip-selection', titleKey: 'menus.clipSelection', contexts: ['selection'], mode: 'selection' },
  { id: 'save-link', titleKey: 'menus.saveLink', contexts: ['link'], mode: 'link' },
  { id: 'save-image', titleKey: 'menus.saveImage', contexts: ['image'], mode: 'image' },
] as const satisfies readonly { id: string; titleKey: string; contexts: readonly string[]; mode: ClipMode }[];

export const QUICK_CLIP_COMMAND = 'quick-clip';

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  srcUrl?: string;
}

export function modeForMenuClick(click: MenuClick): { mode: ClipMode; targetUrl?: string } | undefined {
  const item = MENU_ITEMS.find((entry) => entry.id === click.menuItemId);
  if (!item) return undefined;
  if (item.mode === 'link') return { mode: 'link', targetUrl: click.linkUrl };
  if (item.mode === 'image') return { mode: 'image', targetUrl: click.srcUrl };
  return { mode: item.mode };
}
