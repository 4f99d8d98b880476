/**
 * Markdown → the preview's tree (./tree.ts), from micromark's tokens (CommonMark, GFM tables and
 * strikethrough: the syntax our converter writes and Anytype reads). Nothing here makes markup:
 * raw HTML in the Markdown is kept as the text it is, a link stays a link only to an http(s)
 * address, and a picture is a thumbnail only when it is an inlined raster image.
 *
 * Loaded by the popup only once it has drawn (a dynamic import in components/clip/ClipPreview.tsx),
 * so the parser never weighs on the first render.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Token } from 'micromark-util-types';
import {
  imageHost,
  type PreviewElement,
  type PreviewLink,
  type PreviewNode,
  type PreviewTag,
  previewHref,
  thumbnailSource,
} from './tree';

/** Tokens drawn as one element each. */
const ELEMENT_OF: Record<string, PreviewTag> = {
  paragraph: 'p',
  // A block of raw HTML is a paragraph of its source text.
  htmlFlow: 'p',
  blockQuote: 'blockquote',
  listOrdered: 'ol',
  listUnordered: 'ul',
  emphasis: 'em',
  strong: 'strong',
  strikethrough: 'del',
  codeText: 'code',
  table: 'table',
  tableHead: 'thead',
  tableBody: 'tbody',
  tableRow: 'tr',
  tableHeader: 'th',
  tableData: 'td',
};

/** Tokens whose text is what they say (raw HTML included: it is shown, not parsed). */
const TEXT_TOKENS = new Set(['data', 'characterEscapeValue', 'codeTextData', 'htmlFlowData', 'htmlTextData']);

/** Tokens whose text is not the document's (a code block's language, a delimiter row, a reference). */
const HIDDEN_TOKENS = new Set(['codeFencedFenceInfo', 'codeFencedFenceMeta', 'tableDelimiterRow', 'reference', 'resourceTitleString', 'definitionTitleString']);

/** Where a line ending inside a block is a space between words. */
const INLINE_HOSTS = new Set<string>(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'del', 'th', 'td']);

interface Parent {
  tag?: PreviewTag | 'a';
  children: PreviewNode[];
}

interface Media {
  image: boolean;
  /** Inside a picture's description or a definition: only its text counts. */
  transparent: boolean;
  link?: PreviewLink;
  alt?: string;
  labelId?: string;
  referenceId?: string;
  destination?: string;
}

/** micromark moves definitions before what uses them (a reference may come first); so does this. */
function definitionsFirst(events: Event[]): Event[] {
  const head: Event[] = [];
  const body: Event[] = [];
  let start = -1;
  events.forEach((event, index) => {
    if (event[1].type === 'definition' && event[0] === 'enter') start = index;
    if (start < 0) body.push(event);
    else head.push(event);
    if (event[1].type === 'definition' && event[0] === 'exit') start = -1;
  });
  return [...head, ...body];
}

export function markdownTree(markdown: string): PreviewNode[] {
  // micromark's document tokenizer, kept apart from its `write` call: Mozilla's linter reads
  // `….document().write(…)` as document.write (scripts/lint-firefox.mjs would fail the build).
  const flow = parse({ extensions: [gfmTable(), gfmStrikethrough()] }).document();
  const events = postprocess(flow.write(preprocess()(markdown, undefined, true)));
  const root: Parent = { children: [] };
  const stack: Parent[] = [root];
  /** Text that is not drawn where it stands (a destination, a picture's description, hidden text). */
  const captures: string[] = [];
  const media: Media[] = [];
  const definitions = new Map<string, string>();
  let referenceBase = 0;
  /** In a code block: whether its first line came, and the line endings not yet written. */
  let code: { started: boolean; newlines: number } | undefined;

  const top = () => stack[stack.length - 1] as Parent;
  const topMedia = () => media[media.length - 1];

  function text(value: string): void {
    if (value === '') return;
    if (captures.length > 0) {
      captures[captures.length - 1] += value;
      return;
    }
    const children = top().children;
    const last = children[children.length - 1];
    if (last?.kind === 'text') last.text += value;
    else children.push({ kind: 'text', text: value });
  }

  function append(node: PreviewNode): void {
    if (captures.length === 0) top().children.push(node);
  }

  function open(tag: PreviewTag): PreviewElement {
    const element: PreviewElement = { kind: 'element', tag, children: [] };
    append(element);
    stack.push(element);
    return element;
  }

  function enter(token: Token, source: () => string): void {
    const tag = ELEMENT_OF[token.type];
    if (tag) {
      open(tag);
      return;
    }
    if (HIDDEN_TOKENS.has(token.type)) {
      captures.push('');
      return;
    }
    switch (token.type) {
      case 'atxHeading':
        open(`h${Math.min(6, /^\s*(#+)/.exec(source())?.[1]?.length ?? 1)}` as PreviewTag);
        return;
      case 'setextHeading':
        open('h2'); // the underline below it says which level (setextHeadingLineSequence)
        return;
      case 'codeFenced':
      case 'codeIndented':
        open('pre');
        open('code');
        code = { started: false, newlines: 0 };
        return;
      case 'listItemPrefix':
        if (top().tag === 'li') stack.pop();
        open('li');
        return;
      case 'link':
      case 'image': {
        const frame: Media = { image: token.type === 'image', transparent: captures.length > 0 };
        media.push(frame);
        if (frame.image) captures.push('');
        else if (!frame.transparent) {
          frame.link = { kind: 'link', href: '', children: [] };
          stack.push({ tag: 'a', children: frame.link.children });
        }
        return;
      }
      case 'definition':
        media.push({ image: false, transparent: true });
        captures.push('');
        return;
      case 'resourceDestinationString':
      case 'definitionDestinationString':
        captures.push('');
        return;
    }
  }

  function exitMedia(): void {
    const frame = media.pop() as Media;
    const destination =
      frame.destination ?? definitions.get(normalizeIdentifier(frame.referenceId || frame.labelId || ''));
    if (frame.image) {
      const alt = frame.alt ?? '';
      if (frame.transparent) {
        text(alt);
        return;
      }
      const url = destination ?? '';
      const thumbnail = thumbnailSource(url);
      append(thumbnail ? { kind: 'image', alt, thumbnail } : { kind: 'image', alt, host: imageHost(url) });
      return;
    }
    if (!frame.link) return;
    stack.pop();
    const href = previewHref(destination ?? '');
    if (href) {
      append({ ...frame.link, href });
      return;
    }
    // Not a web address: what the link says stays, as text.
    for (const child of frame.link.children) {
      if (child.kind === 'text') text(child.text);
      else append(child);
    }
  }

  function exit(token: Token, slice: () => string): void {
    // Only the tokens that need their text read it: a container's text is the whole of it.
    if (token.type === 'listOrdered' || token.type === 'listUnordered') {
      if (top().tag === 'li') stack.pop();
      stack.pop();
      return;
    }
    if (ELEMENT_OF[token.type]) {
      stack.pop();
      return;
    }
    if (HIDDEN_TOKENS.has(token.type)) {
      captures.pop();
      return;
    }
    if (TEXT_TOKENS.has(token.type)) {
      text(slice());
      return;
    }
    switch (token.type) {
      case 'atxHeading':
      case 'setextHeading': {
        // A setext heading's text ends with the line ending before its underline.
        const last = top().children[top().children.length - 1];
        if (last?.kind === 'text') last.text = last.text.trimEnd();
        stack.pop();
        return;
      }
      case 'setextHeadingLineSequence':
        (top() as PreviewElement).tag = slice().startsWith('=') ? 'h1' : 'h2';
        return;
      case 'codeFenced':
      case 'codeIndented':
        stack.pop();
        stack.pop();
        code = undefined;
        return;
      case 'codeFlowValue':
        if (code) {
          text('\n'.repeat(code.newlines));
          code.newlines = 0;
          code.started = true;
        }
        text(slice());
        return;
      case 'lineEnding':
        if (code) {
          if (code.started) code.newlines += 1;
        } else if (top().tag === 'code') text(' ');
        else if (captures.length > 0 || INLINE_HOSTS.has(top().tag ?? '') || top().tag === 'a') text('\n');
        return;
      case 'listItemValue': {
        const list = stack[stack.length - 2] as PreviewElement | undefined;
        const value = Number.parseInt(slice(), 10);
        if (list?.tag === 'ol' && list.children.length === 1 && value !== 1) list.start = value;
        return;
      }
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        append({ kind: 'element', tag: 'br', children: [] });
        return;
      case 'thematicBreak':
        append({ kind: 'element', tag: 'hr', children: [] });
        return;
      case 'characterReferenceMarkerNumeric':
        referenceBase = 10;
        return;
      case 'characterReferenceMarkerHexadecimal':
        referenceBase = 16;
        return;
      case 'characterReferenceValue':
        text(
          referenceBase
            ? decodeNumericCharacterReference(slice(), referenceBase)
            : decodeNamedCharacterReference(slice()) || `&${slice()};`,
        );
        referenceBase = 0;
        return;
      case 'autolinkProtocol': {
        const href = previewHref(slice());
        if (href && captures.length === 0) {
          append({ kind: 'link', href, children: [{ kind: 'text', text: slice() }] });
          return;
        }
        text(slice());
        return;
      }
      case 'autolinkEmail':
        text(slice());
        return;
      case 'labelText': {
        const frame = topMedia();
        if (frame) frame.labelId = slice();
        return;
      }
      case 'label': {
        const frame = topMedia();
        if (frame?.image) frame.alt = captures.pop();
        return;
      }
      case 'referenceString': {
        const frame = topMedia();
        if (frame) frame.referenceId = slice();
        return;
      }
      case 'resourceDestinationString':
      case 'definitionDestinationString': {
        const frame = topMedia();
        const destination = captures.pop() ?? '';
        if (frame) frame.destination = destination;
        return;
      }
      case 'definitionLabelString': {
        const frame = topMedia();
        if (frame) frame.labelId = slice();
        return;
      }
      case 'definition': {
        captures.pop();
        const frame = media.pop();
        const id = normalizeIdentifier(frame?.labelId ?? '');
        if (frame?.destination !== undefined && !definitions.has(id)) definitions.set(id, frame.destination);
        return;
      }
      case 'link':
      case 'image':
        exitMedia();
        return;
    }
  }

  for (const [kind, token, context] of definitionsFirst(events)) {
    const source = () => context.sliceSerialize(token);
    if (kind === 'enter') enter(token, source);
    else exit(token, source);
  }
  return root.children;
}
