/**
 * Records every call that makes a node in (or parses markup into) one document, "the live page":
 * its node factories, the markup setters of its elements, clones of its nodes and of its ranges.
 * Reading (queries, attributes, text, the selection's ranges) is not recorded: extraction may read
 * the page, never build in it. Patched on the prototypes, so a call made through any reference
 * (the `document` global, `node.ownerDocument`, a library's own) is seen.
 */
export interface LiveWatch {
  /** What was called on the live document, in order, e.g. "Document.createElement(div)". */
  readonly calls: string[];
  stop(): void;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

export function watchLiveDocument(live: Document): LiveWatch {
  const view = live.defaultView as unknown as Record<string, { prototype: object } | undefined>;
  const calls: string[] = [];
  const undo: (() => void)[] = [];
  const ownedByLive = (node: unknown) => node === live || (node as Node | null | undefined)?.ownerDocument === live;
  const describe = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a.slice(0, 40) : typeof a)).join(', ');

  function wrap(owner: string, name: string, recorded: (self: unknown, result: unknown) => boolean): void {
    const proto = view[owner]?.prototype;
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, name);
    if (!proto || typeof descriptor?.value !== 'function') return;
    const original = descriptor.value as Method;
    const replacement = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (recorded(this, result)) calls.push(`${owner}.${name}(${describe(args)})`);
      return result;
    };
    Object.defineProperty(proto, name, { ...descriptor, value: replacement });
    undo.push(() => Object.defineProperty(proto, name, descriptor));
  }

  function wrapSetter(owner: string, name: string): void {
    const proto = view[owner]?.prototype;
    const descriptor = proto && Object.getOwnPropertyDescriptor(proto, name);
    if (!proto || !descriptor?.set) return;
    const set = descriptor.set;
    Object.defineProperty(proto, name, {
      ...descriptor,
      set(this: unknown, value: unknown) {
        if (ownedByLive(this)) calls.push(`${owner}.${name} = ${String(value).slice(0, 40)}`);
        set.call(this, value);
      },
    });
    undo.push(() => Object.defineProperty(proto, name, descriptor));
  }

  const onLive = (self: unknown) => self === live;
  for (const name of ['createElement', 'createElementNS', 'createDocumentFragment', 'createRange', 'importNode', 'adoptNode', 'write', 'writeln']) {
    wrap('Document', name, onLive);
  }
  wrap('Node', 'cloneNode', (_self, result) => ownedByLive(result));
  for (const name of ['cloneContents', 'extractContents', 'createContextualFragment']) wrap('Range', name, (_self, result) => ownedByLive(result));
  for (const name of ['insertAdjacentHTML', 'setHTMLUnsafe']) wrap('Element', name, (self) => ownedByLive(self));
  for (const name of ['innerHTML', 'outerHTML']) wrapSetter('Element', name);
  wrapSetter('ShadowRoot', 'innerHTML');

  return {
    calls,
    stop() {
      for (const step of undo.reverse()) step();
    },
  };
}
