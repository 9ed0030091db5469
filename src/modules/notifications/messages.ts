import { defineMessages } from '../../lib/i18n.ts';

/**
 * Every kind of notification, each a title and a line of detail. Parameters are filled at read time
 * in the reader's language, so a notification is never stored in one language only.
 */
export const NOTIFICATION_KINDS = [
  'interest_received',
  'interest_accepted',
  'interest_declined',
  'interest_reminder',
  'interest_expired',
  'message_received',
  'agreement_to_confirm',
  'agreement_confirmed',
  'update_to_approve',
  'update_reviewed',
  'milestone_overdue',
  'report_to_confirm',
  'report_confirmed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationText = defineMessages({
  en: {
    interest_received: '{org} is interested in your listing “{listing}”',
    interest_accepted: '{org} accepted your interest in “{listing}”: a conversation is open',
    interest_declined: '{org} declined your interest in “{listing}” ({reason})',
    interest_reminder: '{org} waits for your answer about “{listing}” ({days} days left)',
    interest_expired: 'Your interest in “{listing}” expired without an answer from {org}',
    message_received: 'New message from {org} in your conversation about “{listing}”',
    agreement_to_confirm: 'An agreement waits for your confirmation: “{title}”',
    agreement_confirmed: 'The agreement “{title}” is confirmed by every region',
    update_to_approve: '{org} submitted a progress update on “{project}” for your approval',
    update_reviewed: 'Your progress update on “{project}” was {outcome}',
    milestone_overdue: 'The milestone “{milestone}” of “{project}” was due on {due} and is not done',
    report_to_confirm: 'The progress report for {period} of “{programme}” waits for your confirmation',
    report_confirmed: 'The progress report for {period} of “{programme}” was confirmed',
  },
  zh: {
    interest_received: '{org}对您发布的“{listing}”表达了合作意向',
    interest_accepted: '{org}已接受您对“{listing}”的合作意向，双方洽谈已开启',
    interest_declined: '{org}谢绝了您对“{listing}”的合作意向（{reason}）',
    interest_reminder: '{org}的合作意向（“{listing}”）等待您答复（还剩 {days} 天）',
    interest_expired: '您对“{listing}”的合作意向未获{org}答复，已过期',
    message_received: '{org}在关于“{listing}”的洽谈中发来新消息',
    agreement_to_confirm: '有一份协议等待您确认：“{title}”',
    agreement_confirmed: '协议“{title}”已获各方地区确认',
    update_to_approve: '{org}提交了项目“{project}”的进展报告，等待您审核',
    update_reviewed: '您提交的项目“{project}”进展报告已{outcome}',
    milestone_overdue: '项目“{project}”的节点“{milestone}”应于 {due} 完成，目前尚未完成',
    report_to_confirm: '帮扶计划“{programme}”{period}的进展报告等待您确认',
    report_confirmed: '帮扶计划“{programme}”{period}的进展报告已确认',
  },
});

export const notificationUi = defineMessages({
  en: {
    title: 'Notifications',
    empty: 'Nothing waits for you.',
    unread: 'unread',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    open: 'Open',
    mailFooter:
      'Open it here:\n{link}\n\nYou receive this because you act for an organisation or a region on Counterpart.',
  },
  zh: {
    title: '通知',
    empty: '暂无待办事项。',
    unread: '未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    open: '查看',
    mailFooter: '请在此处查看：\n{link}\n\n您收到本邮件，是因为您在对口合作平台代表某个单位或地区开展工作。',
  },
});
