import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A second, unrelated MV3 extension written to a temp dir at test time. Its service worker exposes
 * `probe(targetId, messages)`, which tries chrome.runtime.sendMessage(targetId, …) for each message
 * and chrome.runtime.connect(targetId) and reports what happened. Chromium loads it next to ours.
 */
export const OTHER_EXTENSION_NAME = 'Proxy e2e: another extension';

export interface ProbeReport {
  sent: { type: string; outcome: string }[];
  connect: string;
}

const BACKGROUND = `
const answerOf = (promise) =>
  Promise.race([
    promise.then((reply) => 'answered: ' + JSON.stringify(reply ?? null), (error) => 'refused: ' + error.message),
    new Promise((resolve) => setTimeout(() => resolve('no answer'), 2000)),
  ]);

globalThis.probe = async (targetId, messages) => {
  const sent = [];
  for (const message of messages) {
    sent.push({ type: message.type, outcome: await answerOf(chrome.runtime.sendMessage(targetId, message)) });
  }
  const connect = await new Promise((resolve) => {
    let port;
    try {
      port = chrome.runtime.connect(targetId, { name: 'clip' });
    } catch (error) {
      resolve('refused: ' + error.message);
      return;
    }
    const timer = setTimeout(() => resolve('no answer'), 2000);
    port.onMessage.addListener((reply) => {
      clearTimeout(timer);
      resolve('answered: ' + JSON.stringify(reply));
    });
    port.onDisconnect.addListener(() => {
      clearTimeout(timer);
      resolve('disconnected: ' + (chrome.runtime.lastError?.message ?? 'no error'));
    });
    for (const message of messages) {
      try { port.postMessage(message); } catch (error) { resolve('refused: ' + error.message); }
    }
  });
  return { sent, connect };
};
`;

export function writeOtherExtension(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cta-e2e-other-ext-'));
  const manifest = {
    manifest_version: 3,
    name: OTHER_EXTENSION_NAME,
    version: '1.0.0',
    background: { service_worker: 'background.js' },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
