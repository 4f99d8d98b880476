// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createHostAccess, hasHostAccess, hostPatternFor, type PermissionsApi, requestHostAccess } from '../../../lib/pairing/host-access';

/** What a browser's permission call may do: answer, reject, or throw before it returns a promise. */
type Outcome = { answer: boolean } | { rejects: true } | { throws: true };
const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  fc.boolean().map((answer) => ({ answer })),
  fc.constant({ rejects: true as const }),
  fc.constant({ throws: true as const }),
);

function act(o: Outcome): Promise<boolean> {
  if ('throws' in o) throw new TypeError('permissions.contains is not a function');
  if ('rejects' in o) return Promise.reject(new Error('Invalid match pattern'));
  return Promise.resolve(o.answer);
}

function permissionsFor(contains: Outcome, request: Outcome): PermissionsApi {
  return { contains: vi.fn(() => act(contains)), request: vi.fn(() => act(request)) };
}

const endpoint = fc.constantFrom('http://127.0.0.1:31009', 'http://localhost:31012', 'http://[::1]:4000');

describe('host access: one answer for the popup and the options page', () => {
  it('asks about the port-less host pattern (Firefox match patterns cannot carry a port)', () => {
    expect(hostPatternFor('http://127.0.0.1:31012')).toBe('http://127.0.0.1/*');
    expect(hostPatternFor('http://localhost:4000')).toBe('http://localhost/*');
  });

  it("is the browser's answer when it gives one, and 'as granted at install' when the check fails", async () => {
    await fc.assert(
      fc.asyncProperty(outcome, outcome, endpoint, async (contains, request, baseUrl) => {
        const permissions = permissionsFor(contains, request);
        const expected = 'answer' in contains ? contains.answer : true;
        expect(await hasHostAccess(permissions, baseUrl)).toBe(expected);
        expect(await createHostAccess(permissions).has(baseUrl)).toBe(expected);
        expect(permissions.contains).toHaveBeenCalledWith({ origins: [hostPatternFor(baseUrl)] });
      }),
    );
  });

  it('a prompt that fails reads as not granted, and the browser is asked inside the click', async () => {
    await fc.assert(
      fc.asyncProperty(outcome, endpoint, async (request, baseUrl) => {
        const permissions = permissionsFor({ answer: false }, request);
        const expected = 'answer' in request ? request.answer : false;
        const asking = createHostAccess(permissions).request(baseUrl);
        // Reached synchronously, so the user gesture is still there.
        expect(permissions.request).toHaveBeenCalledWith({ origins: [hostPatternFor(baseUrl)] });
        expect(await asking).toBe(expected);
        expect(await requestHostAccess(permissions, baseUrl)).toBe(expected);
      }),
    );
  });
});
