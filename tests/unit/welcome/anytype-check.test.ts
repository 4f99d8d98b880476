// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckState, createAnytypeCheck, type ProbeAnswer, RECHECK_MS } from '../../../lib/welcome/anytype-check';
import { checkView } from '../../../lib/welcome/check-view';

const BASE = 'http://127.0.0.1:31009';
const answer = (state: ProbeAnswer['state'], paired = false): ProbeAnswer => ({ state, baseUrl: BASE, paired });

/** A check driven by hand: probes answer when told, time moves when told. */
function world(options: { visible?: boolean } = {}) {
  const pending: { resolve(a: ProbeAnswer): void; reject(e: unknown): void }[] = [];
  const timers = new Map<number, { run: () => void; at: number }>();
  let now = 0;
  let next = 0;
  let visible = options.visible ?? true;
  const states: CheckState[] = [];
  const check = createAnytypeCheck({
    probe: () => new Promise<ProbeAnswer>((resolve, reject) => pending.push({ resolve, reject })),
    timers: {
      set: (run, ms) => {
        timers.set(++next, { run, at: now + ms });
        return next;
      },
      clear: (handle) => void timers.delete(handle as number),
    },
    visible: () => visible,
    onChange: (state) => states.push(state),
  });
  return {
    check,
    states,
    asked: () => pending.length,
    async answer(a: ProbeAnswer | Error, index = pending.length - 1) {
      const probe = pending[index]!;
      if (a instanceof Error) probe.reject(a);
      else probe.resolve(a);
      await new Promise((r) => setTimeout(r, 0));
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
    timersSet: () => timers.size,
    setVisible(v: boolean) {
      visible = v;
    },
  };
}

describe('the welcome page check', () => {
  it('says it is looking, then what Anytype answered; once found it asks nothing more', async () => {
    const w = world();
    w.check.start();
    expect(w.states).toEqual([{ phase: 'checking' }]);
    await w.answer(answer('found'));
    expect(w.states.at(-1)).toEqual({ phase: 'answered', answer: answer('found') });
    w.advance(RECHECK_MS * 10);
    w.check.shown();
    expect(w.asked()).toBe(1);
  });

  it('while Anytype is not running it looks again by itself, without saying "looking" again, until found', async () => {
    const w = world();
    w.check.start();
    await w.answer(answer('not_running'));
    w.advance(RECHECK_MS - 1);
    expect(w.asked()).toBe(1);
    w.advance(1);
    expect(w.asked()).toBe(2);
    expect(w.states.filter((s) => s.phase === 'checking')).toHaveLength(1);
    await w.answer(answer('found'));
    w.advance(RECHECK_MS * 3);
    expect(w.asked()).toBe(2);
    expect(w.states.at(-1)).toEqual({ phase: 'answered', answer: answer('found') });
  });

  it('a hidden page stops asking, and asks again as soon as it is shown', async () => {
    const w = world();
    w.check.start();
    w.setVisible(false);
    await w.answer(answer('not_running'));
    w.advance(RECHECK_MS * 5);
    expect(w.asked()).toBe(1);
    w.setVisible(true);
    w.check.shown();
    expect(w.asked()).toBe(2);
  });

  it('Try again asks at once and says so; an older answer arriving later is dropped', async () => {
    const w = world();
    w.check.start();
    await w.answer(answer('not_running'));
    w.advance(RECHECK_MS); // a re-check is under way…
    w.check.retry(); // …when the person clicks Try again
    expect(w.states.at(-1)).toEqual({ phase: 'checking' });
    await w.answer(answer('found'), 2);
    await w.answer(answer('not_running'), 1);
    expect(w.states.at(-1)).toEqual({ phase: 'answered', answer: answer('found') });
    expect(w.timersSet()).toBe(0);
  });

  it('a failed question offers Try again and is asked again later; stop ends everything', async () => {
    const w = world();
    w.check.start();
    await w.answer(new Error('no background'));
    expect(w.states.at(-1)).toEqual({ phase: 'failed' });
    expect(checkView(w.states.at(-1)!).retry).toBe(true);
    w.check.stop();
    w.advance(RECHECK_MS * 2);
    w.check.retry();
    expect(w.asked()).toBe(1);
  });

  it('never keeps more than one question or timer going, whatever happens in whatever order', async () => {
    const step = fc.constantFrom('retry', 'shown', 'tick', 'answer-found', 'answer-off', 'answer-fail', 'hide', 'show');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const w = world();
        w.check.start();
        let answered = 0;
        for (const s of steps) {
          if (s === 'retry') w.check.retry();
          else if (s === 'shown') w.check.shown();
          else if (s === 'tick') w.advance(RECHECK_MS);
          else if (s === 'hide') w.setVisible(false);
          else if (s === 'show') w.setVisible(true);
          else if (answered < w.asked()) {
            await w.answer(s === 'answer-found' ? answer('found') : s === 'answer-off' ? answer('not_running') : new Error('x'), answered);
            answered += 1;
          }
          expect(w.timersSet()).toBeLessThanOrEqual(1);
          const last = w.states.at(-1);
          if (last?.phase === 'answered' && last.answer.state === 'found') expect(w.timersSet()).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('what the welcome page says', () => {
  it('names the address when Anytype is found, and whether the extension is paired', () => {
    expect(checkView({ phase: 'answered', answer: answer('found') })).toEqual({
      tone: 'ok',
      text: `Anytype found at ${BASE}. Pair with it as below.`,
      retry: false,
      settings: false,
    });
    expect(checkView({ phase: 'answered', answer: answer('found', true) }).text).toBe(
      `Anytype found at ${BASE}, and the extension is paired with it: click the toolbar button to clip.`,
    );
  });

  it('tells the person to start Anytype, with Try again; another program on the port leads to Settings', () => {
    expect(checkView({ phase: 'answered', answer: answer('not_running') })).toEqual({
      tone: 'problem',
      text: 'Anytype is not running: start Anytype Desktop. This page looks again by itself, or click Try again.',
      retry: true,
      settings: false,
    });
    const other = checkView({ phase: 'answered', answer: answer('not_anytype') });
    expect(other).toMatchObject({ tone: 'problem', retry: true, settings: true });
    expect(other.text).toContain(BASE);
    expect(checkView({ phase: 'checking' })).toEqual({ tone: 'pending', text: 'Looking for Anytype…', retry: false, settings: false });
  });
});
