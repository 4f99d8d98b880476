// @vitest-environment node
/**
 * classifySender, case by case: what the browser says about a sender, and what we make of it.
 * Each row is [description, sender, expected answer]; "refused" rows say why.
 */
import { describe, expect, it } from 'vitest';
import { type ClassifiedSender, classifySender, type MessageSenderLike } from '../../../lib/protocol/senders';

const chrome = { id: 'ourextensionid', baseUrl: 'chrome-extension://ourextensionid/' };
const firefox = { id: 'clip@clip-to-anytype.dev', baseUrl: 'moz-extension://1234-abcd/' };
const ours = chrome.id;
const refused = (reason: string): ClassifiedSender => ({ class: 'refused', reason });
const page = (url: string, tabId?: number): ClassifiedSender => ({ class: 'extension_page', url, tabId });
const script = (url: string, tabId: number): ClassifiedSender => ({ class: 'content_script', url, tabId });

const CHROME_CASES: [string, MessageSenderLike | undefined, ClassifiedSender][] = [
  // Nobody, or somebody else.
  ['no sender at all', undefined, refused('no sender')],
  ['an empty sender', {}, refused('not this extension')],
  ['another extension', { id: 'evil', url: 'chrome-extension://evil/popup.html' }, refused('not this extension')],
  [
    'another extension claiming our URL',
    { id: 'evil', url: 'chrome-extension://ourextensionid/popup.html' },
    refused('not this extension'),
  ],
  ['a web page (externally_connectable) has no id of ours', { url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 }, refused('not this extension')],
  ['our id with the wrong case', { id: 'OurExtensionId', url: 'chrome-extension://ourextensionid/popup.html' }, refused('not this extension')],
  ['our id but no URL (native messaging, the worker itself)', { id: ours }, refused('no sender url')],
  ['our id and an empty URL', { id: ours, url: '' }, refused('no sender url')],

  // Our own pages.
  ['our popup', { id: ours, url: 'chrome-extension://ourextensionid/popup.html' }, page('chrome-extension://ourextensionid/popup.html')],
  [
    'our popup opened in a tab',
    { id: ours, url: 'chrome-extension://ourextensionid/popup.html?tabId=3', tab: { id: 9 }, frameId: 0 },
    page('chrome-extension://ourextensionid/popup.html?tabId=3', 9),
  ],
  ['our options page', { id: ours, url: 'chrome-extension://ourextensionid/options.html#rules' }, page('chrome-extension://ourextensionid/options.html#rules')],
  [
    'our page in a sandboxed (opaque) frame',
    { id: ours, url: 'chrome-extension://ourextensionid/popup.html', origin: 'null' },
    refused('opaque origin'),
  ],
  ['a lookalike extension id (prefix)', { id: ours, url: 'chrome-extension://ourextensionidx/popup.html' }, refused('not from a tab')],
  [
    'a lookalike host (our id as a subdomain)',
    { id: ours, url: 'chrome-extension://ourextensionid.evil.example/popup.html', tab: { id: 4 }, frameId: 0 },
    refused('not a web page'),
  ],
  [
    'our base URL inside a web page URL',
    { id: ours, url: 'https://evil.example/?chrome-extension://ourextensionid/popup.html', tab: { id: 4 }, frameId: 0 },
    script('https://evil.example/?chrome-extension://ourextensionid/popup.html', 4),
  ],

  // Content scripts of ours in tabs.
  ['content script in the top frame', { id: ours, url: 'https://example.com/a', tab: { id: 4 }, frameId: 0 }, script('https://example.com/a', 4)],
  ['content script on plain http', { id: ours, url: 'http://127.0.0.1:8080/', tab: { id: 0 }, frameId: 0 }, script('http://127.0.0.1:8080/', 0)],
  ['content script in a sub-frame', { id: ours, url: 'https://ads.example/frame', tab: { id: 4 }, frameId: 3 }, refused('not the top frame')],
  ['content script with no frame id', { id: ours, url: 'https://example.com/a', tab: { id: 4 } }, refused('not the top frame')],
  [
    'opaque origin (sandboxed top frame)',
    { id: ours, url: 'https://example.com/a', origin: 'null', tab: { id: 4 }, frameId: 0 },
    refused('opaque origin'),
  ],
  ['a page with no tab', { id: ours, url: 'https://example.com/a', frameId: 0 }, refused('not from a tab')],
  ['a tab without an id', { id: ours, url: 'https://example.com/a', tab: {}, frameId: 0 }, refused('not from a tab')],
  ['a negative tab id (devtools)', { id: ours, url: 'https://example.com', tab: { id: -1 }, frameId: 0 }, refused('not from a tab')],
  ['about:blank', { id: ours, url: 'about:blank', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['about:srcdoc', { id: ours, url: 'about:srcdoc', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a data: URL', { id: ours, url: 'data:text/html,<p>x</p>', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a file: URL', { id: ours, url: 'file:///etc/passwd', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a blob: URL', { id: ours, url: 'blob:https://example.com/uuid', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a javascript: URL', { id: ours, url: 'javascript:alert(1)', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a browser page', { id: ours, url: 'chrome://settings/', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
  ['a URL that does not parse', { id: ours, url: 'not a url', tab: { id: 4 }, frameId: 0 }, refused('not a web page')],
];

describe('classifySender (Chromium)', () => {
  it.each(CHROME_CASES)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, chrome)).toEqual(expected);
  });

  it('takes the tab id from the browser, never from the message', () => {
    const result = classifySender({ id: ours, url: 'https://example.com/a', tab: { id: 12 }, frameId: 0 }, chrome);
    expect(result).toEqual({ class: 'content_script', url: 'https://example.com/a', tabId: 12 });
  });

  it('accepts a base URL given without its trailing slash, still exactly', () => {
    const bare = { id: ours, baseUrl: 'chrome-extension://ourextensionid' };
    expect(classifySender({ id: ours, url: 'chrome-extension://ourextensionid/popup.html' }, bare).class).toBe('extension_page');
    expect(classifySender({ id: ours, url: 'chrome-extension://ourextensionidx/popup.html' }, bare).class).toBe('refused');
  });
});

describe('classifySender (Firefox)', () => {
  const fx = firefox.id;
  const cases: [string, MessageSenderLike, ClassifiedSender['class']][] = [
    ['our popup', { id: fx, url: 'moz-extension://1234-abcd/popup.html' }, 'extension_page'],
    ['another moz-extension UUID', { id: fx, url: 'moz-extension://9999/popup.html' }, 'refused'],
    ['another add-on', { id: 'evil@example', url: 'moz-extension://1234-abcd/popup.html' }, 'refused'],
    ['content script', { id: fx, url: 'https://example.com/', tab: { id: 2 }, frameId: 0 }, 'content_script'],
    ['content script in a frame', { id: fx, url: 'https://example.com/', tab: { id: 2 }, frameId: 17 }, 'refused'],
    ['a chrome-extension URL in Firefox', { id: fx, url: 'chrome-extension://1234-abcd/popup.html' }, 'refused'],
  ];
  it.each(cases)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, firefox).class).toBe(expected);
  });
});
