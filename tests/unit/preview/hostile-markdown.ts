/**
 * Generated Markdown for the preview's safety properties: ordinary blocks and inline syntax mixed
 * with raw HTML, script, event-handler attributes and script-bearing URLs, each payload known so a
 * test can say it appears as text.
 */
import fc from 'fast-check';

/** Raw HTML a page's text could hold; none uses a character Markdown would read as syntax. */
export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">',
  '<object data="javascript:alert(1)"></object>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<!-- comment --><?php echo 1; ?><![CDATA[ x ]]>',
] as const;

export const LINK_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'chrome://settings',
  'http://ok.example/a',
  'https://ok.example/b?c=d#e',
  '#top',
  '/relative',
] as const;

export const IMAGE_URLS = [
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+',
  'data:text/html,%3Cscript%3Ealert(1)%3C/script%3E',
  'javascript:alert(1)',
  'https://img.example/pool.png',
  'http://img.example/a.jpg',
] as const;

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const payload = fc.constantFrom(...HTML_PAYLOADS);
const label = fc.oneof(word, payload);

const inline = fc.oneof(
  word,
  payload,
  word.map((w) => `*${w}*`),
  word.map((w) => `**${w}**`),
  word.map((w) => `~~${w}~~`),
  word.map((w) => `\`${w}\``),
  fc.tuple(label, fc.constantFrom(...LINK_URLS)).map(([text, url]) => `[${text}](${url})`),
  fc.tuple(label, fc.constantFrom(...IMAGE_URLS)).map(([text, url]) => `![${text}](${url})`),
  fc.constantFrom(...LINK_URLS).map((url) => `<${url}>`),
  fc.constantFrom('&lt;script&gt;', '&#60;img&#62;', '&amp;', '\\<b\\>'),
);

const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));

const block = fc.oneof(
  line,
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l, i) => `${i + 2}. ${l}`).join('\n')),
  line.map((l) => `> ${l}`),
  line.map((l) => `\`\`\`\n${l}\n\`\`\``),
  line.map((l) => `    ${l}`),
  fc.tuple(word, word, line).map(([a, b, cell]) => `| ${a} | ${b} |\n| --- | --- |\n| ${cell.replaceAll('|', '')} | x |`),
  payload,
  fc.constant('***'),
);

/** A document of blocks, some of them raw HTML alone on its line (an HTML block). */
export const hostileMarkdown = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));
