// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { createPairingController, type PairingState } from '../../../lib/pairing/controller';
import { createFakePairingWorld } from './fakes';

function setup(options?: { paired?: boolean }) {
  const world = createFakePairingWorld(options);
  const states: PairingState[] = [];
  const controller = createPairingController(world.deps, (state) => states.push(state));
  return { world, controller, states };
}

describe('pairing controller', () => {
  it('pairs with the code Desktop shows, and hands the key to the background', async () => {
    const { world, controller } = setup();
    await controller.init();
    expect(controller.state.step).toBe('start');
    await controller.connect();
    expect(controller.state.step).toBe('code');
    await controller.pair('1234');
    expect(controller.state).toMatchObject({ step: 'connected', status: { paired: true, spaceCount: 2 } });
    expect(world.savedKeys).toEqual(['key-for-challenge-1']);
  });

  it('starts one challenge per click, even when clicked again while waiting', async () => {
    const { world, controller } = setup();
    await controller.init();
    await Promise.all([controller.connect(), controller.connect(), controller.connect()]);
    expect(world.challenges).toHaveLength(1);
  });

  it('keeps the challenge after a wrong code, so the right code still works', async () => {
    const { world, controller } = setup();
    await controller.init();
    await controller.connect();
    await controller.pair('9999');
    expect(controller.state.step).toBe('code');
    expect(controller.state.error).toMatch(/did not work/);
    await controller.pair('1234');
    expect(controller.state.step).toBe('connected');
    expect(world.challenges).toHaveLength(1);
  });

  it('resumes a pending challenge when the popup is reopened', async () => {
    const world = createFakePairingWorld();
    const first = createPairingController(world.deps, () => {});
    await first.init();
    await first.connect();
    const reopened = createPairingController(world.deps, () => {});
    await reopened.init();
    expect(reopened.state.step).toBe('code');
    await reopened.pair('1234');
    expect(reopened.state.step).toBe('connected');
    expect(world.challenges).toHaveLength(1);
  });

  it('says to restart Anytype when no challenge can be started', async () => {
    const { world, controller } = setup();
    await controller.init();
    world.failChallengesWith(new AnytypeError('pairing_unavailable', { status: 500 }));
    await controller.connect();
    expect(controller.state.step).toBe('start');
    expect(controller.state.error).toMatch(/Restart Anytype/);
  });

  it('says to start Anytype when it is not running', async () => {
    const { world, controller } = setup();
    await controller.init();
    world.failChallengesWith(new AnytypeError('offline'));
    await controller.connect();
    expect(controller.state.error).toMatch(/Start Anytype Desktop/);
  });

  it('rejects a malformed code without calling Anytype', async () => {
    const { world, controller } = setup();
    await controller.init();
    await controller.connect();
    await controller.pair('12a');
    expect(controller.state.error).toMatch(/4 digits/);
    expect(world.savedKeys).toEqual([]);
  });

  it('saves a pasted key only when the background accepts it', async () => {
    const { world, controller } = setup();
    await controller.init();
    controller.showKeyForm();
    await controller.saveKey('not-a-valid-key-but-long');
    expect(controller.state.step).toBe('key');
    expect(controller.state.error).toMatch(/Pair again/);
    await controller.saveKey('  key-pasted-from-desktop  ');
    expect(controller.state.step).toBe('connected');
    expect(world.savedKeys).toEqual(['key-pasted-from-desktop']);
  });

  it('disconnects and says where to revoke the key', async () => {
    const { controller } = setup({ paired: true });
    await controller.init();
    expect(controller.state.step).toBe('connected');
    await controller.disconnect();
    expect(controller.state.step).toBe('start');
    expect(controller.state.info).toMatch(/Settings › API Keys/);
  });
});
