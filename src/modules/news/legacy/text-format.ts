import { cleanLine, isButtonsLine, type Located } from './lines.ts';
import type { RawPage } from './raw-page.ts';
import { isTimestampOnly } from './timestamp.ts';

/**
 * The portal's text layout: breadcrumb, title, time, then one paragraph per non-empty line, ending at an
 * optional `[Print] [Close]` line. Blank lines between the parts are allowed; CRLF and CR line ends too.
 */
export function readTextPage(text: string): RawPage {
  const all = text.split(/\r\n|\r|\n/).map((raw, i): Located => ({ text: cleanLine(raw), line: i + 1 }));
  const lines = all.filter((l) => l.text !== '');
  const lastLine = all.length;
  let i = 0;
  const next = (): Located | null => lines[i++] ?? null;

  const breadcrumb = next();
  const titleLine = breadcrumb ? breadcrumb.line + 1 : 1;
  let title = next();
  // A missing title shows up as the time where the title should be.
  if (title && isTimestampOnly(title.text)) {
    title = null;
    i--;
  }
  const time = next();
  const timeLine = time?.line ?? (title ? title.line + 1 : titleLine + 1);

  const paragraphs: Located[] = [];
  const warnings: Located[] = [];
  while (i < lines.length) {
    const line = next();
    if (!line) break;
    if (isButtonsLine(line.text)) {
      const after = lines.length - i;
      if (after > 0) {
        warnings.push({ text: `${after} line(s) after "${line.text}" were left out`, line: line.line });
      }
      break;
    }
    paragraphs.push(line);
  }
  return {
    format: 'text',
    breadcrumb,
    title,
    titleLine,
    time,
    timeLine,
    paragraphs,
    bodyLine: time ? Math.min(time.line + 1, lastLine) : timeLine,
    warnings,
    failure: null,
  };
}
