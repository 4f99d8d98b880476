// @vitest-environment node
// The layers, held by a test over the import graph rather than by review: components do not reach
// the Anytype client or the key; what runs in the page reaches nothing that talks to Anytype, holds
// the key or messages the background; lib/ does not depend on entrypoints/ or components/.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Boundary, importGraph, importsOf, readFileSet, unresolved, violations } from './import-graph';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

const BOUNDARIES: Boundary[] = [
  {
    from: ['components/'],
    forbidden: ['lib/anytype/', 'lib/keys/'],
    transitive: false,
    why: 'components show what the background answers; the Anytype client and the key stay behind it',
  },
  {
    from: ['lib/clip/', 'entrypoints/clipper.ts'],
    forbidden: [
      'lib/anytype/', // the client
      'lib/keys/', // the key
      'lib/queue/', // delivers to Anytype
      'lib/background/', // holds both
      'lib/protocol/client.ts', // the channel to the background
      'lib/protocol/router.ts',
      'lib/pairing/',
      'lib/options/',
      'lib/settings/connections.ts',
      'wxt/browser', // the extension API: messaging, storage
      'webextension-polyfill',
      '@wxt-dev/webextension-polyfill',
    ],
    transitive: true,
    why: 'the clipper runs in the page: it must carry nothing that talks to Anytype or holds the key',
  },
  {
    from: ['entrypoints/panel/', 'components/panel/'],
    forbidden: [
      'lib/anytype/', // the client
      'lib/keys/', // the key
      'lib/queue/',
      'lib/background/', // types only: what the panel is handed
      'lib/pairing/',
      'lib/options/',
      'lib/settings/connections.ts',
    ],
    transitive: true,
    why: 'the in-page panel runs in the page\'s tab: it carries only its view and the channel to the background',
  },
  {
    from: ['lib/'],
    forbidden: ['entrypoints/', 'components/'],
    transitive: false,
    why: 'lib/ is plain TypeScript under the wiring and the views, never the other way round',
  },
];

const files = readFileSet(ROOT, ['lib', 'components', 'entrypoints']);
const edges = importGraph(files);

describe('the import boundaries', () => {
  it('hold in the repository', () => {
    expect(violations(edges, BOUNDARIES).map((v) => `${v.path.join(' → ')}: ${v.why}`)).toEqual([]);
  });

  it('see every relative import (no blind spots)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(unresolved(edges).map((e) => `${e.from}: ${e.specifier}`)).toEqual([]);
  });

  it('fail on a deliberate bad import, direct or through another file', () => {
    const fake = new Map([
      ['components/Bad.tsx', "import { createClient } from '../lib/anytype';\nimport type { Vault } from '@/lib/keys/vault';"],
      ['lib/anytype/index.ts', 'export const createClient = 1;'],
      ['lib/keys/vault.ts', 'export type Vault = {};'],
      ['lib/clip/article.ts', "import { helper } from './helper';"],
      ['lib/clip/helper.ts', "import {\n  ClipQueue,\n} from '../queue/queue';\nexport const helper = 1;"],
      ['lib/queue/queue.ts', 'export class ClipQueue {}'],
      ['lib/popup/form.ts', "export { PopupApp } from '../../components/PopupApp';"],
      ['components/PopupApp.tsx', 'export const PopupApp = 1;'],
      ['entrypoints/clipper.ts', "const page = await import('wxt/browser');"],
      ['components/panel/SavedPanel.tsx', "import { amend } from '../../lib/background/clip-amend';"],
      ['lib/background/clip-amend.ts', 'export const amend = 1;'],
    ]);
    expect(violations(importGraph(fake), BOUNDARIES).map((v) => v.path.join(' → ')).sort()).toEqual([
      'components/Bad.tsx → lib/anytype/index.ts',
      'components/Bad.tsx → lib/keys/vault.ts',
      'components/panel/SavedPanel.tsx → lib/background/clip-amend.ts',
      'entrypoints/clipper.ts → wxt/browser',
      'lib/clip/article.ts → lib/clip/helper.ts → lib/queue/queue.ts',
      'lib/clip/helper.ts → lib/queue/queue.ts',
      'lib/popup/form.ts → components/PopupApp.tsx',
    ]);
  });

  it('lets page code name types it does not carry', () => {
    const fake = new Map([
      ['lib/clip/a.ts', "import type { Job } from '../queue/types';\nimport { type Other, type Second } from '../queue/types';"],
      ['lib/queue/types.ts', 'export type Job = {};'],
    ]);
    expect(violations(importGraph(fake), BOUNDARIES)).toEqual([]);
  });

  it('reads imports as the compiler does', () => {
    expect(importsOf("import a, { type B } from './x';\nimport './side';\n// import nope from './comment';\nexport * from \"./y\";")).toEqual([
      { specifier: './x', runtime: true },
      { specifier: './y', runtime: true },
      { specifier: './side', runtime: true },
    ]);
    expect(importsOf("import { type typeName } from './x';")).toEqual([{ specifier: './x', runtime: false }]);
    expect(importsOf("import { typeName } from './x';")).toEqual([{ specifier: './x', runtime: true }]);
  });
});
