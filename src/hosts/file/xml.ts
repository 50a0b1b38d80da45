import { SaxesParser } from 'saxes';

/** What a part's XML handler sees: tag names without their namespace prefix, attributes as strings. */
export interface XmlHandlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** The place and reason an XML part stopped being readable (English, from the parser). */
export interface XmlDamage {
  line: number;
  message: string;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

class StopParsing extends Error {}

/**
 * Parse a part strictly. Events before the first error are delivered; the first error stops the parse and is
 * returned, so a caller keeps what it read and can say where the rest was lost.
 */
export function parseXml(xml: string, handlers: XmlHandlers): XmlDamage | null {
  const parser = new SaxesParser({ position: true });
  let damage: XmlDamage | null = null;
  parser.on('error', (err: Error) => {
    damage = { line: parser.line, message: err.message.replace(/^[^:]*:\d+:\d+: /, '') };
    throw new StopParsing();
  });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (node) => open(localName(node.name), node.attributes as Record<string, string>));
  if (close) parser.on('closetag', (node) => close(localName(node.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (err) {
    if (!(err instanceof StopParsing)) {
      return { line: parser.line, message: err instanceof Error ? err.message : String(err) };
    }
  }
  return damage;
}

/** True when an OOXML boolean attribute is set ("1" or "true"). */
export function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}
