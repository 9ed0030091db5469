import { describe, expect, it } from 'vitest';
import { blockDiff, hasChanges, inlineDiff } from './diff.ts';

describe('inlineDiff', () => {
  it('compares English by words', () => {
    expect(inlineDiff('Jilin delegation visits Zhejiang', 'Jilin delegation toured Zhejiang', 'en')).toEqual([
      { text: 'Jilin delegation ', kind: 'same' },
      { text: 'visits', kind: 'removed' },
      { text: 'toured', kind: 'added' },
      { text: ' Zhejiang', kind: 'same' },
    ]);
  });

  it('compares Chinese by characters', () => {
    const parts = inlineDiff('吉林代表团访问浙江', '吉林代表团考察浙江', 'zh');
    expect(
      parts
        .filter((p) => p.kind === 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('访问');
    expect(
      parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('考察');
  });
});

describe('blockDiff', () => {
  it('pairs changed paragraphs, folds unchanged runs and keeps context', () => {
    const older = ['One.', 'Two.', 'Three.', 'Four.', 'Five old.', 'Six.'].join('\n\n');
    const newer = ['One.', 'Two.', 'Three.', 'Four.', 'Five new.', 'Six.', 'Seven.'].join('\n\n');
    const blocks = blockDiff(older, newer, 'en');
    expect(blocks[0]).toEqual({ kind: 'skipped', count: 3 });
    expect(blocks[1]).toEqual({ kind: 'same', parts: [{ text: 'Four.', kind: 'same' }] });
    expect(blocks[2]).toEqual({
      kind: 'changed',
      parts: [
        { text: 'Five ', kind: 'same' },
        { text: 'old', kind: 'removed' },
        { text: 'new', kind: 'added' },
        { text: '.', kind: 'same' },
      ],
    });
    expect(blocks.at(-1)).toEqual({ kind: 'changed', parts: [{ text: 'Seven.', kind: 'added' }] });
    expect(hasChanges(blocks)).toBe(true);
    expect(hasChanges(blockDiff(older, older, 'en'))).toBe(false);
  });
});
