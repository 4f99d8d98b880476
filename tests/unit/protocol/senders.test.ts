// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifySender, type MessageSenderLike } from '../../../lib/protocol/senders';

const self = { id: 'ourextensionid', baseUrl: 'chrome-extension://ourextensionid/' };

describe('classifySender', () => {
  const cases: [string, MessageSenderLike | undefined, string][] = [
    ['no sender', undefined, 'refused'],
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/popup.html' }, 'refused'],
    ['our id but no url', { id: self.id }, 'refused'],
    ['our popup', { id: self.id, url: 'chrome-extension://ourextensionid/popup.html' }, 'extension_page'],
    [
      'our popup opened in a tab',
      { id: self.id, url: 'chrome-extension://ourextensionid/popup.html?tabId=3', tab: { id: 9 }, frameId: 0 },
      'extension_page',
    ],
    [
      'a lookalike extension origin',
      { id: self.id, url: 'chrome-extension://ourextensionidx/popup.html' },
      'refused',
    ],
    [
      'content script in the top frame',
      { id: self.id, url: 'https://example.com/a', tab: { id: 4 }, frameId: 0 },
      'content_script',
    ],
    [
      'content script in a sub-frame',
      { id: self.id, url: 'https://ads.example/frame', tab: { id: 4 }, frameId: 3 },
      'refused',
    ],
    [
      'opaque origin (sandboxed frame)',
      { id: self.id, url: 'https://example.com/a', origin: 'null', tab: { id: 4 }, frameId: 0 },
      'refused',
    ],
    ['a page with no tab', { id: self.id, url: 'https://example.com/a', frameId: 0 }, 'refused'],
    ['a non-web scheme', { id: self.id, url: 'file:///etc/passwd', tab: { id: 4 }, frameId: 0 }, 'refused'],
    ['a negative tab id (devtools)', { id: self.id, url: 'https://example.com', tab: { id: -1 }, frameId: 0 }, 'refused'],
  ];

  it.each(cases)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, self).class).toBe(expected);
  });

  it('takes the tab id from the browser, not from anything the page says', () => {
    const result = classifySender({ id: self.id, url: 'https://example.com/a', tab: { id: 12 }, frameId: 0 }, self);
    expect(result).toEqual({ class: 'content_script', url: 'https://example.com/a', tabId: 12 });
  });

  it('works with Firefox extension URLs', () => {
    const firefox = { id: 'clip@x', baseUrl: 'moz-extension://1234-abcd/' };
    expect(classifySender({ id: 'clip@x', url: 'moz-extension://1234-abcd/popup.html' }, firefox).class).toBe(
      'extension_page',
    );
    expect(classifySender({ id: 'clip@x', url: 'moz-extension://9999/popup.html' }, firefox).class).toBe('refused');
  });
});
