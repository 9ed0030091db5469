import { defineMessages, type Lang } from '../../lib/i18n.ts';
import type { OutgoingMail } from '../mail/mail.service.ts';

const mailMsg = defineMessages({
  en: {
    resetSubject: 'Reset your Counterpart password',
    resetBody:
      'Someone (we hope you) asked to reset the password of your Counterpart account.\n\nOpen this link within one hour to choose a new password:\n{link}\n\nThe link works once. If you did not ask for this, ignore this message: your password stays as it is.',
    pendingSubject: 'New organisation awaiting approval: {name}',
    pendingBody:
      '{name} registered on Counterpart in your region and is waiting for approval.\n\nReview it here:\n{link}',
    approvedSubject: 'Your organisation was approved: {name}',
    approvedBody:
      '{name} was approved on Counterpart. Members can now act on behalf of the organisation.\n\n{link}',
  },
  zh: {
    resetSubject: '重置您的对口合作平台密码',
    resetBody:
      '有人（希望是您本人）申请重置您在对口合作平台的账户密码。\n\n请在一小时内打开以下链接设置新密码：\n{link}\n\n该链接只能使用一次。如果不是您本人申请，请忽略本邮件，您的密码不会改变。',
    pendingSubject: '有新机构等待审核：{name}',
    pendingBody: '{name} 已在对口合作平台注册，属于您负责的地区，正在等待审核。\n\n请在此审核：\n{link}',
    approvedSubject: '您的机构已通过审核：{name}',
    approvedBody: '{name} 已在对口合作平台通过审核，成员现在可以代表机构开展工作。\n\n{link}',
  },
});

/** The one-time reset link, in the recipient's language. */
export function resetMail(lang: Lang, to: string, link: string): OutgoingMail {
  const t = mailMsg(lang);
  return { to, subject: t('resetSubject'), text: t('resetBody', { link }) };
}

/** Tells a coordinator that an organisation of their region waits for review. */
export function pendingMail(lang: Lang, to: string, name: string, link: string): OutgoingMail {
  const t = mailMsg(lang);
  return { to, subject: t('pendingSubject', { name }), text: t('pendingBody', { name, link }) };
}

/** Tells a member that their organisation was approved. */
export function approvedMail(lang: Lang, to: string, name: string, link: string): OutgoingMail {
  const t = mailMsg(lang);
  return { to, subject: t('approvedSubject', { name }), text: t('approvedBody', { name, link }) };
}
