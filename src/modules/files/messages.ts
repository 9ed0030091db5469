import { defineMessages } from '../../lib/i18n.ts';

export const filesErr = defineMessages({
  en: {
    empty: 'The file “{name}” is empty',
    tooLarge: 'The file “{name}” is {size} MB; the limit is {max} MB',
    badType: 'The file “{name}” is not a PDF or an image (PNG, JPEG, WebP, GIF)',
    tooMany: 'Attach at most {max} files',
  },
  zh: {
    empty: '文件“{name}”是空文件',
    tooLarge: '文件“{name}”大小为 {size} MB，上限为 {max} MB',
    badType: '文件“{name}”不是 PDF 或图片（PNG、JPEG、WebP、GIF）',
    tooMany: '最多附加 {max} 个文件',
  },
});
