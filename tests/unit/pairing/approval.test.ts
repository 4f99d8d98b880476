// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnytypeError, userMessage } from '../../../lib/anytype/errors';
import type { KeyGrant } from '../../../lib/anytype/grants';
import { APPROVAL_WINDOW_MS, createPairingController, type PairingState } from '../../../lib/pairing/controller';
import { createFakePairingWorld } from './fakes';

async function setup() {
  const world = createFakePairingWorld();
  const states: PairingState[] = [];
  const controller = createPairingController(world.deps, (state) => states.push(state));
  await controller.init();
  return { world, controller, states };
}

const FULL: KeyGrant = { allSpaces: true, spaceIds: [], permission: 'readwrite' };

describe('pairing with builds of 2026 (fake clock)', () => {
  it('after Connect: the code field with the time left to approve, counting down each second', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    expect(controller.state).toMatchObject({ step: 'code', approvalSecondsLeft: 180, lapsed: false });
    world.time.advance(1_000);
    expect(controller.state.approvalSecondsLeft).toBe(179);
    world.time.advance(59_000);
    expect(controller.state.approvalSecondsLeft).toBe(120);
    expect(controller.state.error).toBeUndefined();
  });

  it('the clock at any moment is the whole seconds left, never negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: APPROVAL_WINDOW_MS + 5_000 }), async (ms) => {
        const { world, controller } = await setup();
        await controller.connect();
        world.time.advance(ms);
        const left = Math.max(0, Math.ceil((APPROVAL_WINDOW_MS - Math.floor(ms / 1000) * 1000) / 1000));
        expect(controller.state.approvalSecondsLeft).toBe(left);
        expect(controller.state.lapsed).toBe(left === 0);
        controller.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it('lapses at 180 s: says Connect again, stops the clock, and a code already shown still works', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.time.advance(APPROVAL_WINDOW_MS - 1);
    expect(controller.state.lapsed).toBe(false);
    world.time.advance(1);
    expect(controller.state).toMatchObject({ step: 'code', lapsed: true, approvalSecondsLeft: 0, errorKind: 'pairing_lapsed' });
    expect(controller.state.error).toBe(userMessage('pairing_lapsed'));
    expect(world.time.running).toBe(0);
    await controller.pair('1234');
    expect(controller.state.step).toBe('connected');
  });

  it('a popup reopened after the lapse shows it at once', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    controller.dispose();
    world.time.advance(APPROVAL_WINDOW_MS + 10_000);
    const reopened = createPairingController(world.deps, () => {});
    await reopened.init();
    expect(reopened.state).toMatchObject({ step: 'code', lapsed: true, errorKind: 'pairing_lapsed' });
  });

  it('a popup reopened while waiting resumes the clock where it stands', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    controller.dispose();
    world.time.advance(100_000);
    const reopened = createPairingController(world.deps, () => {});
    await reopened.init();
    expect(reopened.state).toMatchObject({ step: 'code', approvalSecondsLeft: 80 });
  });

  it('the server says the prompt lapsed: back to Connect with that message', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.failKeysWith(new AnytypeError('pairing_lapsed', { status: 403 }));
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'start', errorKind: 'pairing_lapsed', error: userMessage('pairing_lapsed') });
    expect(world.time.running).toBe(0);
  });

  it('not approved yet: says approve first (no try used), keeps the challenge and the clock', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.failKeysWith(new AnytypeError('pairing_not_approved', { status: 403 }));
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'code', errorKind: 'pairing_not_approved', lapsed: false });
    expect(controller.state.error).toMatch(/Approve the request in Anytype first.*did not cost a try/);
    world.time.advance(5_000);
    expect(controller.state.approvalSecondsLeft).toBe(175);
    world.failKeysWith(undefined);
    await controller.pair('1234');
    expect(controller.state.step).toBe('connected');
    expect(world.challenges).toHaveLength(1);
  });

  it('denied (seen when solving): says restart Anytype; Connect then sends nothing until Anytype restarted', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.failKeysWith(new AnytypeError('pairing_denied', { status: 403 }));
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'start', denied: true, errorKind: 'pairing_denied' });
    expect(controller.state.error).toMatch(/Restart Anytype Desktop, then click Connect/);
    await controller.connect();
    expect(world.challenges).toHaveLength(1);
    expect(controller.state).toMatchObject({ step: 'start', errorKind: 'pairing_denied' });
    // A new popup remembers it too.
    const reopened = createPairingController(world.deps, () => {});
    await reopened.init();
    expect(reopened.state.denied).toBe(true);
    await reopened.connect();
    expect(world.challenges).toHaveLength(1);
    await reopened.connect({ restarted: true });
    expect(world.challenges).toHaveLength(2);
    expect(reopened.state).toMatchObject({ step: 'code', denied: false });
  });

  it('denied (seen on Connect): the same message, and the next Connect sends nothing', async () => {
    const { world, controller } = await setup();
    world.failChallengesWith(new AnytypeError('pairing_denied', { status: 403 }));
    await controller.connect();
    expect(controller.state).toMatchObject({ step: 'start', denied: true, error: userMessage('pairing_denied') });
    world.failChallengesWith(undefined);
    await controller.connect();
    expect(world.challenges).toHaveLength(0);
    expect(controller.state.error).toBe(userMessage('pairing_denied'));
  });

  it('a narrow grant is refused before the key is kept, with the pair-again message', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.grantKeys({ allSpaces: false, spaceIds: ['space-1'], permission: 'read' });
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'start', errorKind: 'scoped_key' });
    expect(controller.state.error).toBe(
      'This key can only reach some spaces or cannot write. Pair again and choose All spaces and Read & write.',
    );
    expect(world.saveCalls).toEqual([]);
    expect(world.time.running).toBe(0);
  });

  it.each<[string, KeyGrant]>([
    ['all spaces, read only', { allSpaces: true, spaceIds: [], permission: 'read' }],
    ['some spaces, read & write', { allSpaces: false, spaceIds: ['a', 'b'], permission: 'readwrite' }],
  ])('%s is narrow too', async (_name, grant) => {
    const { world, controller } = await setup();
    await controller.connect();
    world.grantKeys(grant);
    await controller.pair('1234');
    expect(controller.state.errorKind).toBe('scoped_key');
    expect(world.saveCalls).toEqual([]);
  });

  it('a full grant is handed to the background with the key', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    world.grantKeys(FULL);
    await controller.pair('1234');
    expect(controller.state.step).toBe('connected');
    expect(world.saveCalls).toEqual([{ apiKey: 'key-for-challenge-1', grant: FULL }]);
    expect(world.time.running).toBe(0);
  });

  it.each(['scoped_key', 'key_expired'] as const)('the background finds the new key %s: not kept, back to Connect', async (kind) => {
    const { world, controller } = await setup();
    await controller.connect();
    world.refuseKey('key-for-challenge-1', kind);
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'start', errorKind: kind, error: userMessage(kind) });
    expect(world.savedKeys).toEqual([]);
  });

  it.each(['scoped_key', 'key_expired'] as const)('a pasted %s key is refused before it is saved, with the same message', async (kind) => {
    const { world, controller } = await setup();
    controller.showKeyForm();
    const key = `anytype_${'x1'.repeat(22)}_0badc0de`;
    world.refuseKey(key, kind);
    await controller.saveKey(key);
    expect(controller.state).toMatchObject({ step: 'key', errorKind: kind, error: userMessage(kind) });
    expect(world.savedKeys).toEqual([]);
    expect(world.saveCalls).toHaveLength(1);
  });

  it('a pasted text that is no key is refused without a call', async () => {
    const { world, controller } = await setup();
    controller.showKeyForm();
    for (const text of ['anytype_short_0badc0de', 'two words here and more', '12345']) {
      await controller.saveKey(text);
      expect(controller.state.error).toMatch(/Paste the whole key/);
    }
    expect(world.saveCalls).toEqual([]);
  });

  it('Cancel stops the clock', async () => {
    const { world, controller } = await setup();
    await controller.connect();
    await controller.cancel();
    expect(controller.state.step).toBe('start');
    expect(world.time.running).toBe(0);
  });
});
