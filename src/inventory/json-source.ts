import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';

/** A place in a file, one-based, as editors and compilers show it. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * A JSON document and the source position of its values and keys, by JSON pointer. Positions are
 * computed on first use: most files of a large inventory never need them.
 */
export interface JsonSource {
  value: unknown;
  valueAt(pointer: string): SourcePosition | undefined;
  keyAt(pointer: string): SourcePosition | undefined;
}

export interface JsonProblem extends SourcePosition {
  message: string;
  hint: string;
  pointer: string;
}

export type JsonParse = { ok: true; source: JsonSource; problems: JsonProblem[] } | { ok: false; problems: JsonProblem[] };

/** RFC 6901 escaping of one pointer segment. */
export const pointerSegment = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');
const toPointer = (path: (string | number)[]): string => path.map((s) => `/${pointerSegment(s)}`).join('');

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

function endOf(text: string): SourcePosition {
  const lines = text.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function positionOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const ERROR_WORDS: Partial<Record<string, string>> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a number in a form JSON does not allow',
  PropertyNameExpected: 'a field name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "a ':' was expected after the field name",
  CommaExpected: "a ',' was expected between items",
  CloseBraceExpected: "a '}' was expected",
  CloseBracketExpected: "a ']' was expected",
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  InvalidEscapeCharacter: 'an invalid escape sequence in a string',
  InvalidCharacter: 'a control character inside a string',
};

/** Turns the parser's first error into what a person editing the file needs to know. */
function explainSyntaxError(text: string, code: ParseErrorCode, offset: number, length: number): JsonProblem {
  if (text.trim() === '') {
    return {
      ...endOf(text),
      pointer: '',
      message: 'the file is empty',
      hint: 'a street file holds at least {"schemaVersion": 1, "id": …, "name": …, "points": []}',
    };
  }
  const name = printParseErrorCode(code);
  const at = text[offset];
  const previous = text.slice(0, offset).trimEnd();
  if ((at === '}' || at === ']') && previous.endsWith(',') && (name === 'PropertyNameExpected' || name === 'ValueExpected')) {
    return {
      ...positionOf(text, previous.length - 1),
      pointer: '',
      message: `trailing comma before '${at}'`,
      hint: 'JSON allows no comma after the last item: remove it',
    };
  }
  // An error that runs to the end of the text (an open string, object or list) means the file was cut short.
  if (offset + length >= text.trimEnd().length && name !== 'EndOfFileExpected') {
    return {
      ...endOf(text),
      pointer: '',
      message: 'the file ends before the JSON is complete (truncated?)',
      hint: 'every { and [ needs its closing } or ]; restore the end of the file from git if it was cut off',
    };
  }
  return {
    ...positionOf(text, offset),
    pointer: '',
    message: `invalid JSON: ${ERROR_WORDS[name] ?? name}`,
    hint: 'check the quotes, commas and brackets around this place',
  };
}

/** Objects and lists nested deeper than this are refused: no inventory needs it, and readers recurse. */
export const MAX_JSON_DEPTH = 64;

/** The place where nesting first goes deeper than MAX_JSON_DEPTH, found in one pass without recursion. */
function tooDeep(text: string): JsonProblem | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_JSON_DEPTH) {
        return {
          ...positionOf(text, i),
          pointer: '',
          message: `objects and lists nested deeper than ${MAX_JSON_DEPTH} levels`,
          hint: 'flatten this part of the file: no inventory field nests this deep',
        };
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

interface Scan {
  error?: { code: ParseErrorCode; offset: number; length: number };
  duplicates: JsonProblem[];
}

/** One pass over the text: the first syntax error, and every duplicate key (which JSON.parse would hide). */
function scan(text: string): Scan {
  const result: Scan = { duplicates: [] };
  const open: Map<string, number>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void open.push(new Map()),
      onObjectEnd: () => void open.pop(),
      onObjectProperty: (name, _offset, _length, line, character, path) => {
        const keys = open.at(-1);
        if (!keys) return;
        const first = keys.get(name);
        if (first === undefined) {
          keys.set(name, line + 1);
          return;
        }
        result.duplicates.push({
          line: line + 1,
          column: character + 1,
          pointer: toPointer([...path(), name]),
          message: `duplicate field '${name}' in one object (first at line ${first}); JSON readers would silently keep only one`,
          hint: 'keep one of them',
        });
      },
      onError: (code, offset, length) => {
        result.error ??= { code, offset, length };
      },
    },
    STRICT,
  );
  return result;
}

/** Maps every value and key to its position; built only when a diagnostic needs one. */
function positions(text: string): { values: Map<string, SourcePosition>; keys: Map<string, SourcePosition> } {
  const values = new Map<string, SourcePosition>();
  const keys = new Map<string, SourcePosition>();
  const record = (line: number, character: number, path: (string | number)[]) => {
    const pointer = toPointer(path);
    if (!values.has(pointer)) values.set(pointer, { line: line + 1, column: character + 1 });
  };
  visit(
    text,
    {
      onObjectBegin: (_o, _l, line, character, path) => record(line, character, path()),
      onArrayBegin: (_o, _l, line, character, path) => record(line, character, path()),
      onLiteralValue: (_v, _o, _l, line, character, path) => record(line, character, path()),
      onObjectProperty: (name, _o, _l, line, character, path) => {
        const pointer = toPointer([...path(), name]);
        if (!keys.has(pointer)) keys.set(pointer, { line: line + 1, column: character + 1 });
      },
    },
    STRICT,
  );
  return { values, keys };
}

/**
 * Parses JSON text strictly and reports what plain JSON.parse would hide or word badly: a byte-order
 * mark, a trailing comma, a truncated file, duplicate keys; each with its line and column.
 */
export function parseJsonSource(text: string): JsonParse {
  if (text.charCodeAt(0) === 0xfeff) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          pointer: '',
          message: 'the file starts with a byte-order mark (BOM)',
          hint: "save it as UTF-8 without BOM; 'camfleet inventory fmt' removes it",
        },
      ],
    };
  }
  const deep = tooDeep(text);
  if (deep) return { ok: false, problems: [deep] };
  const { error, duplicates } = scan(text);
  if (error) return { ok: false, problems: [explainSyntaxError(text, error.code, error.offset, error.length)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          pointer: '',
          message: `invalid JSON: ${(err as Error).message}`,
          hint: 'check the file in an editor that shows JSON errors',
        },
      ],
    };
  }
  let built: ReturnType<typeof positions> | undefined;
  const lookup = () => (built ??= positions(text));
  return {
    ok: true,
    source: { value, valueAt: (p) => lookup().values.get(p), keyAt: (p) => lookup().keys.get(p) },
    problems: duplicates,
  };
}
