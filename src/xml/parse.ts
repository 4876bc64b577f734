import { SaxesParser, type SaxesTagNS } from 'saxes';

/** A namespace-resolved XML element: what the simulator and camfleet's own SOAP readers work on. */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  /** Attributes keyed by local name (namespaced attributes also keyed as `{ns}local`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element, untrimmed. */
  text: string;
  parent: XmlElement | undefined;
  /** Namespace declarations made on this element (prefix → URI; '' for the default namespace). */
  declared: Record<string, string>;
}

/** Thrown for input that is not well-formed XML; the message says where. */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** Bounds on what a document may be: a hostile peer cannot make parsing slow or deep. */
export interface XmlLimits {
  /** Elements nested deeper than this are refused (SOAP replies nest about 15 deep). */
  maxDepth: number;
  /** Documents longer than this (in characters) are refused before parsing. */
  maxLength: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxLength: 4 * 1024 * 1024 };

/**
 * A copy of `s` that does not hold on to the document it was cut from. V8 makes a substring of 13
 * characters or more a view into its parent, so one kept address (a snapshot URI, a service's namespace,
 * a subscription's address) kept the whole reply alive: a watch of 1,000 cameras held 10 MB of replies,
 * 6,000 of them, for a few hundred bytes of values. Prepending a character and cutting it off again makes
 * V8 copy the value into a string of its own.
 */
const detached = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

// Most elements of a SOAP reply declare no namespace, carry no attribute, and half are leaves: they share
// these (frozen, so a stray write fails loudly) instead of three empty objects each. A watch parses about
// 10,000 replies a minute, and what is allocated per element is what the collector pays for.
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});
const NO_DECLARATIONS: Record<string, string> = Object.freeze({});
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];

/**
 * Parses a whole XML document into a tree, in time linear in its length: the depth is capped, so no
 * element costs more than the cap to place. Throws XmlSyntaxError on malformed or over-limit input.
 * DOCTYPE declarations are not expanded (saxes reads no external entities and defines no new ones).
 */
export function parseXml(source: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (source.length > limits.maxLength) throw new XmlSyntaxError(`document longer than ${limits.maxLength} characters`);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let failure: Error | undefined;
  // Each namespace copied once per document (detached), however many elements are in it.
  const namespaces = new Map<string, string>();
  const namespaceOf = (uri: string): string => {
    let copy = namespaces.get(uri);
    if (copy === undefined) namespaces.set(uri, (copy = detached(uri)));
    return copy;
  };

  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++depth > limits.maxDepth) throw new XmlSyntaxError(`elements nested deeper than ${limits.maxDepth}`);
    let attrs = NO_ATTRIBUTES;
    for (const key in tag.attributes) {
      const attr = tag.attributes[key]!;
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      if (attrs === NO_ATTRIBUTES) attrs = {};
      const value = detached(attr.value);
      attrs[attr.local] = value;
      if (attr.uri) attrs[`{${attr.uri}}${attr.local}`] = value;
    }
    let declared = NO_DECLARATIONS;
    // saxes gives each tag an object of its own declarations (null prototype), filled only when it has some.
    for (const _ in tag.ns) {
      declared = { ...tag.ns };
      break;
    }
    const element: XmlElement = {
      ns: namespaceOf(tag.uri ?? ''),
      name: tag.local ?? tag.name,
      attrs,
      children: NO_CHILDREN,
      text: '',
      parent: current,
      declared,
    };
    if (current) {
      if (current.children === NO_CHILDREN) current.children = [];
      current.children.push(element);
    } else if (!root) root = element;
    current = element;
  });
  parser.on('text', (text) => {
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    depth--;
    if (current) current.text = detached(current.text);
    current = current?.parent;
  });

  try {
    parser.write(source).close();
  } catch (err) {
    failure ??= err as Error;
  }
  if (failure) throw new XmlSyntaxError(failure.message);
  if (!root) throw new XmlSyntaxError('document has no root element');
  return root;
}

/** Resolves a namespace prefix in scope at `element` ('' for the default namespace). */
export function resolvePrefix(element: XmlElement, prefix: string): string | undefined {
  for (let at: XmlElement | undefined = element; at; at = at.parent) {
    const uri = at.declared[prefix];
    if (uri !== undefined) return uri;
  }
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  return undefined;
}

/** Resolves a QName written in text content (as in WS-Discovery Types) to `{ns, name}`. */
export function resolveQName(element: XmlElement, qname: string): { ns: string; name: string } | undefined {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const name = colon === -1 ? qname : qname.slice(colon + 1);
  const ns = resolvePrefix(element, prefix);
  if (ns === undefined) return prefix === '' ? { ns: '', name } : undefined;
  return { ns, name };
}

/** The first child element with this local name (and namespace, when given). */
export function child(element: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined {
  if (!element) return undefined;
  return element.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** Every child element with this local name (and namespace, when given). */
export function children(element: XmlElement | undefined, name: string, ns?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns));
}

/** Follows a path of local names from `element`; undefined as soon as one step is missing. */
export function descend(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = element;
  for (const name of names) at = child(at, name);
  return at;
}

/** Trimmed text of the element at a path of local names, or undefined. */
export function textAt(element: XmlElement | undefined, ...names: string[]): string | undefined {
  const found = descend(element, ...names);
  return found ? found.text.trim() : undefined;
}
