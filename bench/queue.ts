/**
 * Queue storage bench: bytes written and time per transition with ten waiting 3 MB clips, the
 * version-1 layout (the whole state under one key, as app.ts wrote it before lib/queue/storage.ts)
 * beside the current one (an index plus one key per clip's text), in one run.
 *
 *   npm run bench:queue [-- --clips N] [--mb M]
 *
 * The storage is a fake that serialises each set() as storage.local does (JSON) and counts bytes;
 * times are that serialisation plus the queue's own work, on this machine (no browser).
 */
import { AnytypeError } from '../lib/anytype/errors';
import { type ClipDelivery, createClipQueue, createSplitStore, type QueueStore, type StorageAreaLike } from '../lib/queue';
import { CountingArea } from '../tests/fakes/storage';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(argv[at + 1]);
};
const CLIPS = arg('clips', 10);
const MB = arg('mb', 3);

/** The version-1 writer, kept here only as the reference. */
const singleKey = (area: StorageAreaLike): QueueStore => ({
  load: async () => (await area.get('queue:state'))['queue:state'],
  save: (state) => area.set({ 'queue:state': state }),
});

const offline: ClipDelivery = {
  async create() {
    throw new AnytypeError('offline');
  },
  async findExisting() {
    return null;
  },
};

async function measure(layout: (area: StorageAreaLike) => QueueStore) {
  const area = new CountingArea();
  let t = 1_700_000_000_000;
  const queue = createClipQueue({
    store: layout(area),
    delivery: offline,
    now: () => t,
    random: () => 0.5,
    wakeAt: () => {},
    limits: { maxMarkdownBytes: (MB + 1) * 1024 * 1024 },
  });
  for (let n = 0; n < CLIPS; n += 1) {
    await queue.enqueue({
      target: { spaceId: 'space-1', typeKey: 'page' },
      payload: { name: `Clip ${n}`, markdown: `# ${n}\n${'x'.repeat(MB * 1024 * 1024)}`, properties: [] },
      sourceUrl: `https://example.com/${n}`,
    });
  }
  const from = area.writes.length;
  const start = performance.now();
  const rounds = 5;
  for (let r = 0; r < rounds; r += 1) {
    await queue.process(); // markSending + offline failure: two transitions
    t += 60 * 60_000;
  }
  const elapsed = performance.now() - start;
  const steps = area.writes.slice(from);
  const perStep = steps.reduce((sum, w) => sum + w.bytes, 0) / steps.length;
  return { steps: steps.length, perStep, msPerStep: elapsed / steps.length };
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
const old = await measure(singleKey);
const now = await measure(createSplitStore);
console.log(`Queue storage, ${CLIPS} waiting clips of ${MB} MB, per transition (mean of ${now.steps}):`);
console.log('layout                        bytes written   time');
console.log(`v1 one key (before)           ${kb(old.perStep).padEnd(15)} ${old.msPerStep.toFixed(1)} ms`);
console.log(`v2 index + body keys (now)    ${kb(now.perStep).padEnd(15)} ${now.msPerStep.toFixed(2)} ms`);
