/** The panel's own styles, inside its shadow root: page CSS cannot reach in, ours cannot leak out. */
export const PANEL_CSS = `
:host { all: initial; }
.panel { position: fixed; top: 16px; right: 16px; z-index: 2147483647; width: 300px; box-sizing: border-box;
  padding: 12px 14px; border-radius: 10px; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1f; background: #fff;
  border: 1px solid #d4d4dc; box-shadow: 0 8px 24px rgba(0,0,0,.18); }
header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
label { display: block; font-weight: 600; margin: 8px 0 3px; }
.row { display: flex; gap: 6px; align-items: center; justify-content: space-between; margin: 8px 0 0; }
input, select { box-sizing: border-box; width: 100%; padding: 4px 6px; border: 1px solid #d4d4dc; border-radius: 6px;
  font: inherit; color: inherit; background: transparent; }
button { font: inherit; padding: 4px 8px; border-radius: 6px; border: 1px solid #d4d4dc; background: transparent; color: inherit; cursor: pointer; }
.heading { min-width: 0; overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
button, a { white-space: nowrap; flex: none; }
.close { border: 0; font-size: 16px; padding: 0 4px; }
a { color: #2563eb; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 6px 0 0; padding: 0; color: #5b5b66; }
.tags li { display: flex; align-items: center; max-width: 100%; border: 1px solid #d4d4dc; border-radius: 999px; padding: 0 2px 0 8px; }
.tag-name { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.remove { border: 0; padding: 0 4px; line-height: 1.2; }
:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
/* Last, so that it wins: the light colours of links and tags fall below 4.5:1 on the dark background. */
@media (prefers-color-scheme: dark) { .panel { color: #ececf1; background: #1c1c21; border-color: #3a3a44; }
  a { color: #6b9bff; } .tags { color: #a6a6b3; } :focus-visible { outline-color: #6b9bff; } }
`;
