import type { FieldErrorDto } from '../errors/problem';

// One rule for every text the API takes (bodies, query and path parameters, multipart fields):
// PostgreSQL refuses NUL in text, other control characters only ever arrive by mistake or malice
// (terminal escapes in logs, header injection in e-mails), and a lone surrogate cannot be encoded
// as UTF-8 (it made validator.js throw a URIError). Tab, line feed and carriage return stay:
// multi-line fields use them, and browsers send CRLF line breaks in forms.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** At most this many text errors are reported for one input (the first found). */
const MAX_TEXT_ERRORS = 20;

/** Why `text` is refused, or null when it is acceptable text. */
export function textProblem(text: string): string | null {
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters (only tab and line breaks)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return null;
}

/**
 * Field errors for every string in `value` (walked without recursion: objects, arrays) that
 * breaks the text rule, named by dotted path under `parent`, as class-validator names them.
 */
export function textFieldErrors(value: unknown, parent = ''): FieldErrorDto[] {
  const errors: FieldErrorDto[] = [];
  const pending: [unknown, string][] = [[value, parent]];
  while (pending.length > 0 && errors.length < MAX_TEXT_ERRORS) {
    const [current, path] = pending.pop() as [unknown, string];
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) errors.push({ field: path, message });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        pending.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return errors;
}
