/** The visits module's error messages and the labels shared by pages, API, exports and the demo. */
import { defineMessages, type Lang } from '../../lib/i18n.ts';
import type { AreaStatus } from './core/area-status.ts';
import type { LINK_KINDS, VISIT_KINDS, VISIT_SIDES } from './schema.ts';

export const visitsErr = defineMessages({
  en: {
    unknownRegion: 'There is no region with this code.',
    sameRegions: 'The host and the visiting region must be different.',
    endsBeforeStarts: 'The last day cannot be before the first day ({startsOn}).',
    meetingOutside: 'The meeting must fall within the visit ({startsOn} to {endsOn}).',
    dueBeforeVisit: 'The due date cannot be before the visit started ({startsOn}).',
    unknownListing: 'There is no listing with this id or reference that you may see.',
    unknownAgreement: 'There is no agreement with this id that you may see.',
    unknownProject: 'There is no project with this id that you may see.',
    unknownProgramme: 'There is no programme with this id.',
    alreadyLinked: 'This record is already linked to the area.',
    unknownArticle: 'There is no published article with this id or address.',
    articleAlreadyLinked: 'This article is already linked to the visit.',
    notLinked: 'This article is not linked to the visit.',
  },
  zh: {
    unknownRegion: '没有该代码的地区。',
    sameRegions: '东道方与来访方不能是同一地区。',
    endsBeforeStarts: '结束日期不能早于开始日期（{startsOn}）。',
    meetingOutside: '会见日期必须在考察期间内（{startsOn} 至 {endsOn}）。',
    dueBeforeVisit: '完成期限不能早于考察开始日期（{startsOn}）。',
    unknownListing: '没有该编号或引用的、您可查看的合作信息。',
    unknownAgreement: '没有该编号的、您可查看的协议。',
    unknownProject: '没有该编号的、您可查看的项目。',
    unknownProgramme: '没有该编号的帮扶计划。',
    alreadyLinked: '该记录已关联到此合作事项。',
    unknownArticle: '没有该编号或网址的已发布文章。',
    articleAlreadyLinked: '该文章已关联到此次考察。',
    notLinked: '该文章未关联到此次考察。',
  },
});

export const labelsMsg = defineMessages({
  en: {
    kind_visit: 'Visit',
    kind_talk: 'Talks',
    kind_forum: 'Forum',
    kind_fair: 'Fair',
    side_host: 'Host',
    side_visiting: 'Visiting',
    status_not_started: 'Not started',
    status_in_progress: 'In progress',
    status_delivered: 'Delivered',
    status_overdue: 'Overdue',
    link_listing: 'Listing',
    link_agreement: 'Agreement',
    link_project: 'Project',
    link_programme: 'Programme',
  },
  zh: {
    kind_visit: '考察',
    kind_talk: '会谈',
    kind_forum: '论坛',
    kind_fair: '展会',
    side_host: '东道方',
    side_visiting: '来访方',
    status_not_started: '未启动',
    status_in_progress: '推进中',
    status_delivered: '已落实',
    status_overdue: '已逾期',
    link_listing: '合作信息',
    link_agreement: '协议',
    link_project: '项目',
    link_programme: '帮扶计划',
  },
});

export type VisitKind = (typeof VISIT_KINDS)[number];
export type Side = (typeof VISIT_SIDES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];

export const kindLabel = (k: VisitKind, lang: Lang) => labelsMsg(lang)(`kind_${k}`);
export const sideLabel = (s: Side, lang: Lang) => labelsMsg(lang)(`side_${s}`);
export const statusLabel = (s: AreaStatus, lang: Lang) => labelsMsg(lang)(`status_${s}`);
export const linkKindLabel = (k: LinkKind, lang: Lang) => labelsMsg(lang)(`link_${k}`);
