/** An element by its local name (namespace prefixes removed), with its decoded text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text, entities decoded, trimmed; "" when it has none. */
  readonly text: string;
}
