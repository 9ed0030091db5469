import { diffChars, diffLines, diffWordsWithSpace, type Change } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

/** One paragraph (line) of a compared text: unchanged, changed in place, or a run of skipped unchanged ones. */
export type DiffBlock = { kind: 'same' | 'changed'; parts: DiffPart[] } | { kind: 'skipped'; count: number };

function parts(changes: Change[]): DiffPart[] {
  return changes
    .filter((c) => c.value.length > 0)
    .map((c) => ({ text: c.value, kind: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** Words for English, characters for Chinese (which has no spaces between words). */
export function inlineDiff(older: string, newer: string, lang: 'en' | 'zh'): DiffPart[] {
  return parts(lang === 'zh' ? diffChars(older, newer) : diffWordsWithSpace(older, newer));
}

/**
 * A readable diff of two texts of several paragraphs: paragraphs are matched first, then changed ones are
 * compared word by word (character by character in Chinese); long unchanged runs are folded.
 */
export function blockDiff(older: string, newer: string, lang: 'en' | 'zh', context = 1): DiffBlock[] {
  const lines = (s: string) => s.split(/\r?\n/).filter((l) => l.trim() !== '');
  const changes = diffLines(lines(older).join('\n') + '\n', lines(newer).join('\n') + '\n');
  const blocks: DiffBlock[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const text = c.value.replace(/\n$/, '');
    if (!c.added && !c.removed) {
      for (const line of text.split('\n'))
        blocks.push({ kind: 'same', parts: [{ text: line, kind: 'same' }] });
    } else if (c.removed && changes[i + 1]?.added) {
      const next = changes[++i]!.value.replace(/\n$/, '');
      blocks.push({ kind: 'changed', parts: inlineDiff(text, next, lang) });
    } else {
      blocks.push({ kind: 'changed', parts: [{ text, kind: c.added ? 'added' : 'removed' }] });
    }
  }
  return fold(blocks, context);
}

function fold(blocks: DiffBlock[], context: number): DiffBlock[] {
  const keep = blocks.map((b, i) =>
    blocks.slice(Math.max(0, i - context), i + context + 1).some((n) => n.kind === 'changed'),
  );
  const out: DiffBlock[] = [];
  for (const [i, b] of blocks.entries()) {
    if (keep[i]) out.push(b);
    else {
      const last = out.at(-1);
      if (last?.kind === 'skipped') last.count++;
      else out.push({ kind: 'skipped', count: 1 });
    }
  }
  return out;
}

/** Whether a diff has any change at all. */
export function hasChanges(d: DiffPart[] | DiffBlock[]): boolean {
  return d.some((x) => x.kind === 'added' || x.kind === 'removed' || x.kind === 'changed');
}
