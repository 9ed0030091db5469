/**
 * Text normalisation for the matching core: Chinese segmented by jieba (one instance per process, with
 * the glossary's Chinese terms added so they stay whole), English lowercased, split and Porter-stemmed.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { stemmer } from 'stemmer';

let jieba: Jieba | undefined;
const loadedWords = new Set<string>();

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Adds words to the process's jieba dictionary so they are never split (idempotent). */
export function addSegmenterWords(words: Iterable<string>): void {
  const fresh = [...words].filter((w) => w.length > 0 && !/\s/.test(w) && !loadedWords.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) loadedWords.add(w);
  segmenter().loadDict(new TextEncoder().encode(fresh.map((w) => `${w} 200000 n`).join('\n')));
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]+/g;

/** True when the string contains a CJK character. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The CJK runs of a text, each segmented by jieba into words (punctuation and Latin text left out). */
export function chineseRuns(text: string): string[][] {
  const runs = text.normalize('NFKC').match(CJK_RUN) ?? [];
  return runs.map((run) => segmenter().cut(run, false));
}

/** The Latin words of a text, lowercased ("cold-chain" → ["cold", "chain"]), in order. */
export function latinWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      // possessives: "Zhejiang's" → "zhejiang"
      .replace(/['’]s\b/g, '')
      .match(LATIN_WORD) ?? []
  );
}

const stemCache = new Map<string, string>();

/** The Porter stem of a lowercase English word, with a few irregular plurals folded first. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const w = IRREGULAR[word] ?? word;
    s = /^\d/.test(w) ? w : stemmer(w);
    stemCache.set(word, s);
  }
  return s;
}

const IRREGULAR: Record<string, string> = {
  // Porter leaves "-ies" as "-i" and "-y" as "-i" alike, but not these:
  fungi: 'fungus',
  children: 'child',
  women: 'woman',
  men: 'man',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  geese: 'goose',
  leaves: 'leaf',
  knives: 'knife',
  shelves: 'shelf',
  halves: 'half',
};

/** English words that carry no matching signal in a listing (function words and listing boilerplate). */
export const EN_STOP = new Set(
  `a an the and or but nor of to in on at by for from with without into onto over under about above below
  between among through during before after up down out off per via than then so as if is are was were be
  been being am do does did doing have has had having will would shall should can could may might must
  this that these those it its it's they them their we our ours us you your yours he she his her i me my
  who whom whose which what when where why how all any both each few more most other some such no not only
  own same too very just also etc e g ie eg inc co ltd llc corp company companies group limited
  looking look seek seeking sought offer offers offering offered provide provides providing supply supplies
  supplying need needs needed want wants wanted welcome welcomes available year years month months day days
  new one two three four five six seven eight nine ten first per cent percent plus including include
  includes based contact please interested can't won't via within across around us`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => stem(w)),
);

/** Chinese words that carry no matching signal in a listing (function words and listing boilerplate). */
export const ZH_STOP = new Set(
  `我们 我司 本公司 公司 有限公司 有限责任公司 股份有限公司 集团 企业 单位 我们的 可以 能够 提供 需要 寻找 寻求 希望
  欢迎 联系 合作 洽谈 有意 意向 以及 或者 还有 并且 同时 其中 进行 相关 主要 一个 一批 一些 这个 那个 这些 那些
  已经 目前 现在 现有 拥有 具有 具备 可以 没有 不是 就是 如果 因为 所以 但是 而且 通过 根据 对于 关于 包括 等等
  每年 每月 今年 明年 左右 以上 以下 之间 以内 长期 稳定 优质 优先 均可 为主 为了 用于 我方 贵方 对方 双方 方面`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
