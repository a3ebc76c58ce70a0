import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankStatementError } from './bank-statement.types';

/** An element as fast-xml-parser gives it: text, or children by name (and `#text` / `@_Ccy`). */
export type XmlElement = string | { [name: string]: XmlElement | XmlElement[] };

/** Elements that may repeat where we read them; every other element is read as its first occurrence. */
const REPEATED = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'AddtlTxInf', 'AddtlRmtInf']);

/** The five predefined entities and character references, decoded in one pass (see parser options). */
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, name: string, decimal: string, hex: string) => {
    if (name) return PREDEFINED[name];
    const code = decimal ? Number(decimal) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Configured for untrusted uploads: a DOCTYPE is refused before parsing (so no entity can be
 * declared, let alone expanded), the parser's own entity processing is off and only the XML
 * predefined entities and character references are decoded, in one pass, so `&amp;lt;` stays `&lt;`.
 * Values stay strings (`parseTagValue: false`) so amounts like `0012.50` and references like
 * `0001` keep every digit; of the attributes only `Ccy` is kept. Namespace prefixes are dropped, so
 * the versions' different namespaces (camt.053.001.02 … .08 and later) read alike.
 */
const parser = new XMLParser({
  ignoreAttributes: (name) => name !== 'Ccy',
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  tagValueProcessor: (_name, value) => decodeReferences(value),
  isArray: (name) => REPEATED.has(name),
});

/** The document as a tree, or a BankStatementError saying why the text is not usable XML. */
export function parseXml(text: string): Record<string, XmlElement> {
  const start = text.trimStart();
  if (!start) throw new BankStatementError('The file is empty');
  if (!start.startsWith('<')) {
    throw new BankStatementError(
      `The file is not XML (it starts with "${start.slice(0, 30)}"); a CAMT.053 statement is an XML file`,
    );
  }
  if (/<!DOCTYPE/i.test(text)) {
    throw new BankStatementError('The file declares a DOCTYPE, which a CAMT.053 statement never does; it is refused');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new BankStatementError(`The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  try {
    return parser.parse(text) as Record<string, XmlElement>;
  } catch (error) {
    // Well-formed but refused by the parser's own limits: nesting deeper than 100, reserved names.
    throw new BankStatementError(`The file could not be read: ${(error as Error).message}`);
  }
}

/** All `name` children of an element (none if the element is text or absent). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined || typeof element === 'string') return [];
  const value = element[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first element along a path of child names: `at(entry, 'BookgDt', 'Dt')`. */
export function at(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = children(current, name)[0];
  return current;
}

/** The text of the element along `path`, trimmed; null if absent or empty. */
export function textAt(element: XmlElement | undefined, ...path: string[]): string | null {
  return textOf(at(element, ...path));
}

/** The text of an element, trimmed; null if absent or empty. */
export function textOf(element: XmlElement | undefined): string | null {
  const value = typeof element === 'string' ? element : element?.['#text'];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The `Ccy` attribute of the element along `path`. */
export function currencyAt(element: XmlElement | undefined, ...path: string[]): string | null {
  const target = at(element, ...path);
  const value = typeof target === 'object' ? target['@_Ccy'] : undefined;
  return typeof value === 'string' ? value.trim() : null;
}

/** The names of an element's children: the root's tells what kind of document this is. */
export function childNames(element: XmlElement | undefined): string[] {
  return element === undefined || typeof element === 'string' ? [] : Object.keys(element);
}
