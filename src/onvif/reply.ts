import { displayText } from '../text/display.js';
import type { XmlElement } from '../xml/parse.js';

/** No value a camera gives is longer in the field (URIs and scopes are the longest); more is noise or attack. */
const MAX_TEXT = 1024;

/**
 * Read access to a SOAP reply. Names are local names matched case-insensitively and namespaces are not
 * checked, because cameras put children in the wrong namespace and spell names loosely; readers are
 * written with the WSDL's names: `reply.child('Profiles').attr('token')`.
 */
export class Reply {
  private constructor(
    readonly name: string,
    private readonly element: XmlElement | undefined,
  ) {}

  static of(element: XmlElement | undefined, name = element?.name ?? ''): Reply {
    return new Reply(name, element);
  }

  /** Every child element of this name. */
  all(name: string): Reply[] {
    const wanted = name.toLowerCase();
    return (this.element?.children ?? []).filter((c) => c.name.toLowerCase() === wanted).map((c) => new Reply(c.name, c));
  }

  /** The first child element of this name, or an empty reply that reads as nothing. */
  child(name: string): Reply {
    const wanted = name.toLowerCase();
    const found = this.element?.children.find((c) => c.name.toLowerCase() === wanted);
    return new Reply(found?.name ?? name, found);
  }

  /** Follows a path of names. */
  at(...names: string[]): Reply {
    return names.reduce<Reply>((r, n) => r.child(n), this);
  }

  get exists(): boolean {
    return this.element !== undefined;
  }

  /**
   * Text content, trimmed; undefined when the element is absent. What a camera says is shown to people:
   * control characters and terminal escapes are neutralised, and a value is cut at 1,024 characters.
   */
  text(...path: string[]): string | undefined {
    const target = path.length ? this.at(...path) : this;
    const text = target.element?.text.trim();
    return text === undefined ? undefined : displayText(text, MAX_TEXT);
  }

  /** A number; undefined when absent, empty or not a finite number (NaN and Infinity are not data). */
  number(...path: string[]): number | undefined {
    return finite(this.text(...path));
  }

  bool(...path: string[]): boolean | undefined {
    const t = this.text(...path);
    return t === undefined ? undefined : t === 'true' || t === '1';
  }

  attr(name: string): string | undefined {
    if (!this.element) return undefined;
    const wanted = name.toLowerCase();
    const key = Object.keys(this.element.attrs).find((k) => !k.startsWith('{') && k.toLowerCase() === wanted);
    return key === undefined ? undefined : displayText(this.element.attrs[key]!, MAX_TEXT);
  }

  /** A number attribute; undefined when absent or not a finite number. */
  numberAttr(name: string): number | undefined {
    return finite(this.attr(name));
  }

  /** The names of the child elements, for readers that dispatch on what is present. */
  childNames(): string[] {
    return [...new Set((this.element?.children ?? []).map((c) => c.name))];
  }
}

function finite(text: string | undefined): number | undefined {
  const t = text?.trim();
  const n = t === undefined || t === '' ? Number.NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
}
