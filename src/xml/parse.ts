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

/** Parses a whole XML document into a tree. Throws XmlSyntaxError on malformed input. */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let failure: Error | undefined;

  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.local] = attr.value;
      if (attr.uri) attrs[`{${attr.uri}}${attr.local}`] = attr.value;
    }
    const element: XmlElement = {
      ns: tag.uri ?? '',
      name: tag.local ?? tag.name,
      attrs,
      children: [],
      text: '',
      parent: current,
      declared: { ...tag.ns },
    };
    if (current) current.children.push(element);
    else if (!root) root = element;
    current = element;
  });
  parser.on('text', (text) => {
    if (current) current.text += text;
  });
  parser.on('cdata', (text) => {
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
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
