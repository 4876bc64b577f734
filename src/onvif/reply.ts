/**
 * Read access to a reply as the `onvif` library hands it over (xml2js output with namespace prefixes
 * removed and the first letter of some names lower-cased). Names are matched case-insensitively, so
 * readers are written with the WSDL's names: `reply.child('Profiles').attr('token')`.
 */
export class Reply {
  private children: Map<string, Reply[]> | undefined;

  private constructor(
    readonly name: string,
    private readonly node: unknown,
  ) {}

  static of(name: string, node: unknown): Reply {
    return new Reply(name, node);
  }

  /** Child elements by lower-cased name, built once per element. */
  private index(): Map<string, Reply[]> {
    if (this.children) return this.children;
    this.children = new Map();
    if (this.node !== null && typeof this.node === 'object') {
      for (const [key, value] of Object.entries(this.node as Record<string, unknown>)) {
        if (key === '$' || key === '_') continue;
        const replies = (Array.isArray(value) ? value : [value]).map((v) => new Reply(key, v));
        const lower = key.toLowerCase();
        this.children.set(lower, [...(this.children.get(lower) ?? []), ...replies]);
      }
    }
    return this.children;
  }

  /** Every child element of this name. */
  all(name: string): Reply[] {
    return this.index().get(name.toLowerCase()) ?? [];
  }

  /** The first child element of this name, or an empty reply that reads as nothing. */
  child(name: string): Reply {
    return this.all(name)[0] ?? new Reply(name, undefined);
  }

  /** Follows a path of names. */
  at(...names: string[]): Reply {
    return names.reduce<Reply>((r, n) => r.child(n), this);
  }

  get exists(): boolean {
    return this.node !== undefined;
  }

  /** Text content, trimmed; undefined when the element is absent. */
  text(...path: string[]): string | undefined {
    const target = path.length ? this.at(...path) : this;
    const node = target.node;
    if (node === undefined || node === null) return undefined;
    if (typeof node === 'string') return node.trim();
    if (typeof node === 'object' && '_' in node) return String((node as { _: unknown })._).trim();
    return typeof node === 'object' ? '' : String(node).trim();
  }

  number(...path: string[]): number | undefined {
    const t = this.text(...path);
    const n = t === undefined || t === '' ? NaN : Number(t);
    return Number.isFinite(n) ? n : undefined;
  }

  bool(...path: string[]): boolean | undefined {
    const t = this.text(...path);
    return t === undefined ? undefined : t === 'true' || t === '1';
  }

  attr(name: string): string | undefined {
    if (this.node === null || typeof this.node !== 'object') return undefined;
    const attrs = (this.node as { $?: Record<string, unknown> }).$;
    if (!attrs) return undefined;
    const wanted = name.toLowerCase();
    const key = Object.keys(attrs).find((k) => k.replace(/^.*:/, '').toLowerCase() === wanted);
    return key === undefined ? undefined : String(attrs[key]);
  }

  /** The names of the child elements, for readers that dispatch on what is present. */
  childNames(): string[] {
    return [...this.index().values()].map((replies) => replies[0]!.name);
  }
}
