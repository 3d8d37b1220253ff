/**
 * Text from input (YAML keys in messages, accepted-risk reasons, front-matter keys, custom rule texts) must not
 * drive the terminal or the CI log it is printed to: ESC starts ANSI/OSC-8 sequences, and a newline followed by
 * `::error` becomes a GitHub Actions workflow command.
 */

/** C0 and C1 control characters and DEL, except tab and newline. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Every control character but tab and newline, as a visible `\xHH` (or `\u{…}`) escape. Applied to all CLI output. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Input text placed inside one line of output: newlines and tabs escaped too, so it cannot start a line of its own. */
export function oneLine(text: string): string {
  return printable(text).replace(/\r?\n|\t/g, (c) => (c === '\t' ? '\\t' : '\\n'));
}
