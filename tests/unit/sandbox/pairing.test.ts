// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/index';
import { caller, field } from './helpers';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function challenge(s: Sandbox, appName = 'clip-to-anytype') {
  const res = await caller(s)('POST', '/v1/auth/challenges', { app_name: appName });
  return { status: res.status, id: field<string>(res.json, 'challenge_id'), json: res.json };
}

function wrong(code: string): string {
  return code === '0000' ? '0001' : '0000';
}

describe('classic pairing', () => {
  it('refuses a wrong code with 500, accepts the right one once, and the key works', async () => {
    const lines: string[] = [];
    sb = await startSandbox({ mode: 'classic', log: (l) => lines.push(l) });
    const call = caller(sb);
    const c = await challenge(sb);
    expect(c.status).toBe(201);
    const [pending] = await sb.control.pendingChallenges();
    expect(pending?.appName).toBe('clip-to-anytype');
    const code = pending?.code ?? '';
    expect(lines).toContain(`Anytype pairing code for "clip-to-anytype": ${code}`);

    const bad = await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code: wrong(code) });
    expect(bad.status).toBe(500);
    expect(field(bad.json, 'message')).toBe('failed to authenticate user');
    // Classic builds never burn the challenge: the right code still works after a wrong one.
    const good = await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code });
    expect(good.status).toBe(201);
    const key = field<string>(good.json, 'api_key');
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(200);

    const reused = await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code });
    expect(reused.status).toBe(500);
    const unknown = await call('POST', '/v1/auth/api_keys', { challenge_id: 'nope', code });
    expect(field(unknown.json, 'message')).toBe('failed to authenticate user');
  });

  it('gives 50 challenges per run, then 500 "failed to create a new challenge"', async () => {
    sb = await startSandbox({ mode: 'classic' });
    for (let i = 0; i < 50; i++) expect((await challenge(sb, `app${i % 3}`)).status).toBe(201);
    const over = await challenge(sb);
    expect(over.status).toBe(500);
    expect(field(over.json, 'message')).toBe('failed to create a new challenge');
    await sb.control.reset();
    expect((await challenge(sb)).status).toBe(201);
  });
});

describe('strict pairing', () => {
  it('waits for approval, then takes the code; a wrong code first is fine', async () => {
    sb = await startSandbox({ mode: 'strict' });
    const pendingAnswer = challenge(sb);
    await sb.control.approve();
    const c = await pendingAnswer;
    expect(c.status).toBe(201);
    const [p] = await sb.control.pendingChallenges();
    expect(p).toMatchObject({ challengeId: c.id, approved: true });
    const call = caller(sb);
    expect((await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code: wrong(p?.code ?? '') })).status).toBe(500);
    const good = await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code: p?.code });
    expect(good.status).toBe(201);
    expect(sb.violations()).toEqual([]);
  });

  it('a denied caller stays denied until restart', async () => {
    sb = await startSandbox({ mode: 'strict' });
    const asked = challenge(sb, 'denied-app');
    await sb.control.deny();
    expect((await asked).status).toBe(500);
    expect((await challenge(sb, 'denied-app')).status).toBe(500);
    await sb.control.reset();
    const again = challenge(sb, 'denied-app');
    await sb.control.approve();
    expect((await again).status).toBe(201);
  });

  it('answers 500 when nobody approves in time', async () => {
    sb = await startSandbox({ mode: 'strict', approvalTimeoutMs: 50 });
    const c = await challenge(sb);
    expect(c.status).toBe(500);
    expect(field(c.json, 'message')).toBe('failed to create a new challenge');
  });

  it('burns a code after 5 wrong tries and refuses an expired code', async () => {
    sb = await startSandbox({ mode: 'strict' });
    const call = caller(sb);
    const first = challenge(sb);
    await sb.control.approve();
    const c = await first;
    const code = (await sb.control.pendingChallenges())[0]?.code ?? '';
    for (let i = 0; i < 5; i++) await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code: wrong(code) });
    expect((await call('POST', '/v1/auth/api_keys', { challenge_id: c.id, code })).status).toBe(500);

    // The code is read from what "Desktop" shows, so the 1 ms lifetime cannot race the read.
    const shown: string[] = [];
    const short = await startSandbox({ mode: 'strict', codeTtlMs: 1, log: (l) => shown.push(l) });
    try {
      const pending = challenge(short, 'late');
      await short.control.approve();
      const c2 = await pending;
      const code2 = /: (\d{4})$/.exec(shown.find((l) => l.includes('pairing code')) ?? '')?.[1];
      expect(code2).toMatch(/^\d{4}$/);
      await new Promise((r) => setTimeout(r, 20));
      const late = await caller(short)('POST', '/v1/auth/api_keys', { challenge_id: c2.id, code: code2 });
      expect(late.status).toBe(500);
      expect(field(late.json, 'message')).toBe('failed to authenticate user');
    } finally {
      await short.close();
    }
  });

  it('limits challenges to 10 per caller and 30 per run', async () => {
    sb = await startSandbox({ mode: 'strict', approvalTimeoutMs: 5_000 });
    const s = sb;
    // Approve each request once it shows up; a refused one answers without ever showing up.
    const ask = async (app: string) => {
      let settled = false;
      const answer = challenge(s, app).finally(() => {
        settled = true;
      });
      while (!settled) {
        const waiting = (await s.control.pendingChallenges()).find((p) => !p.approved);
        if (waiting) await s.control.approve(waiting.challengeId);
        else await new Promise((r) => setTimeout(r, 5));
      }
      return (await answer).status;
    };
    for (let i = 0; i < 10; i++) expect(await ask('same')).toBe(201);
    expect(await ask('same')).toBe(500);
    for (let i = 0; i < 20; i++) expect(await ask(`app${i}`)).toBe(201);
    expect(await ask('fresh')).toBe(500);
  });

  it('locks pairing after 20 failures until restart', async () => {
    sb = await startSandbox({ mode: 'strict' });
    const call = caller(sb);
    for (let i = 0; i < 20; i++) await call('POST', '/v1/auth/api_keys', { challenge_id: 'x', code: '0000' });
    const blocked = await challenge(sb);
    expect(blocked.status).toBe(500);
    expect(field(blocked.json, 'message')).toBe('failed to create a new challenge');
  });
});
