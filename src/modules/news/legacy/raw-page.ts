import type { Located } from './lines.ts';

/**
 * What a format found where, before any rule is checked: the text and HTML readers both produce this,
 * and one function turns it into an article or the first error. Null means "not found"; the line numbers
 * say where it was expected.
 */
export interface RawPage {
  format: 'text' | 'html';
  breadcrumb: Located | null;
  title: Located | null;
  /** Where the title was expected when there is none. */
  titleLine: number;
  /** The text holding the publication time (an attribute value for `<time datetime>`). */
  time: Located | null;
  /** Where the time was expected when there is none. */
  timeLine: number;
  paragraphs: Located[];
  /** Where the body was expected when there is none. */
  bodyLine: number;
  /** Things dropped that a person may want to know about. */
  warnings: Located[];
  /** The format could not be read at all (e.g. markup nested too deeply): the reason and where. */
  failure: Located | null;
}
