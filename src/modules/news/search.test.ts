import { describe, expect, it } from 'vitest';
import { headlineSegments, highlightWords, MARK_START, MARK_STOP, segment } from './search.ts';

describe('segment', () => {
  it('splits Chinese into words with jieba; documents also get the shorter words inside longer ones', () => {
    expect(segment('吉林省代表团赴浙江省考察对口合作工作', 'query')).toBe(
      '吉林省 代表团 赴 浙江省 考察 对口 合作 工作',
    );
    const doc = segment('吉林省代表团赴浙江省考察', 'document').split(' ');
    expect(doc).toEqual(expect.arrayContaining(['吉林', '吉林省', '代表团', '浙江', '浙江省']));
  });

  it('drops punctuation', () => {
    expect(segment('合作，发展！', 'query')).toBe('合作 发展');
  });
});

describe('highlighting', () => {
  it('splits ts_headline output into plain and matched parts', () => {
    expect(headlineSegments(`The ${MARK_START}cooperation${MARK_STOP} of <Jilin>`)).toEqual([
      { text: 'The ', hit: false },
      { text: 'cooperation', hit: true },
      { text: ' of <Jilin>', hit: false },
    ]);
  });

  it('marks Chinese query words in a window around the first match', () => {
    const text = `${'前'.repeat(100)}吉林省代表团赴浙江考察${'后'.repeat(100)}`;
    const parts = highlightWords(text, '代表团', { radius: 10 });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['代表团']);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(60);
  });

  it('keeps the whole text when asked (titles)', () => {
    expect(highlightWords('浙江<吉林>合作', '合作', { whole: true })).toEqual([
      { text: '浙江<吉林>', hit: false },
      { text: '合作', hit: true },
    ]);
  });
});
