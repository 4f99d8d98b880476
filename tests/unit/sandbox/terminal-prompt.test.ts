// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TerminalPrompt } from '../../sandbox/terminal-prompt';

const SPACES = [
  { id: 'space-a', name: 'Personal' },
  { id: 'space-b', name: 'Research' },
];

function prompt() {
  let now = 1_000_000;
  const p = new TerminalPrompt(() => SPACES, () => now);
  return { p, advance: (ms: number) => (now += ms), now: () => now };
}

function press(p: TerminalPrompt, keys: string[]) {
  return keys.map((k) => p.key(k)).find((out) => out.action)?.action;
}

describe('the terminal approval prompt', () => {
  it('shows the request with the time left; Enter, Enter, Enter approves all spaces with read & write', () => {
    const { p, now } = prompt();
    const out = p.event({ type: 'prompt', challengeId: 'c1', appName: 'Clip to Anytype', lapsesAt: now() + 180_000 });
    expect(out.lines.join('\n')).toMatch(/"Clip to Anytype" wants to connect .*180 s left.*a or Enter to approve, d to deny/);
    expect(press(p, ['return', 'return', 'return'])).toEqual({
      type: 'approve',
      challengeId: 'c1',
      grant: { all_spaces: true, space_ids: [], permission: 'readwrite' },
    });
    expect(p.active).toBe(false);
  });

  it('a, then space numbers, then r: those spaces, read only', () => {
    const { p, now } = prompt();
    p.event({ type: 'prompt', challengeId: 'c1', appName: 'x', lapsesAt: now() + 1000 });
    expect(p.key('a').lines.join('\n')).toContain('2. Research');
    expect(press(p, ['2', 'return', 'r'])).toEqual({
      type: 'approve',
      challengeId: 'c1',
      grant: { all_spaces: false, space_ids: ['space-b'], permission: 'read' },
    });
  });

  it('numbers out of range are ignored; none left means all spaces', () => {
    const { p, now } = prompt();
    p.event({ type: 'prompt', challengeId: 'c1', appName: 'x', lapsesAt: now() + 1000 });
    expect(press(p, ['a', '9', 'return', 'w'])).toMatchObject({ grant: { all_spaces: true, permission: 'readwrite' } });
  });

  it('d denies; the next request in line is asked next', () => {
    const { p, now } = prompt();
    p.event({ type: 'prompt', challengeId: 'c1', appName: 'one', lapsesAt: now() + 1000 });
    expect(p.event({ type: 'prompt', challengeId: 'c2', appName: 'two', lapsesAt: now() + 1000 }).lines).toEqual([]);
    const out = p.key('d');
    expect(out.action).toEqual({ type: 'deny', challengeId: 'c1' });
    expect(out.lines.join('\n')).toContain('"two" wants to connect');
    expect(p.key('x')).toEqual({ lines: [] });
  });

  it('a lapsed or replaced request leaves the prompt, even mid-choice', () => {
    const { p, now } = prompt();
    p.event({ type: 'prompt', challengeId: 'c1', appName: 'one', lapsesAt: now() + 1000 });
    p.key('a');
    expect(p.event({ type: 'ended', challengeId: 'c1', appName: 'one', why: 'lapsed' }).lines).toEqual(['The request from "one" lapsed unanswered.']);
    expect(p.active).toBe(false);
    expect(p.key('return')).toEqual({ lines: [] });
  });

  it('a code shown (approved through the control channel) answers the prompt', () => {
    const { p, now } = prompt();
    p.event({ type: 'prompt', challengeId: 'c1', appName: 'one', lapsesAt: now() + 1000 });
    const out = p.event({ type: 'code', challengeId: 'c1', appName: 'one', code: '0042', grant: null });
    expect(out.lines).toEqual(['Anytype pairing code for "one": 0042']);
    expect(p.active).toBe(false);
  });
});
