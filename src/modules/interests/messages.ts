import { defineMessages, type Lang } from '../../lib/i18n.ts';
import type { AgreementType } from '../agreements/kinds.ts';
import type { DECLINE_REASONS, INTEREST_STATUSES, TIMELINES } from './schema.ts';

/** Errors the interests and conversations use cases raise, each naming the field it concerns. */
export const interestsErr = defineMessages({
  en: {
    unknownListing: 'There is no published listing with this reference',
    listingNotOpen: 'This listing is closed or expired: it no longer takes expressions of interest',
    ownListing: 'This listing is your own organisation’s',
    viaNotYours: 'This listing is not one of your organisation’s',
    pairOpen:
      'Your organisations already have an open expression of interest; wait for its answer or withdraw it first',
    notOpen: 'This expression of interest is no longer open',
    expired: 'This expression of interest expired on {date} and can no longer be answered',
    noteRequired: 'Say why in a note when the reason is “other”',
    unknownFile: 'There is no such file in this conversation',
  },
  zh: {
    unknownListing: '没有该编号的已发布信息',
    listingNotOpen: '该信息已关闭或过期，不再接受合作意向',
    ownListing: '这是贵单位自己发布的信息',
    viaNotYours: '该信息不是贵单位发布的',
    pairOpen: '贵单位与对方已有一项待答复的合作意向；请等待答复或先撤回',
    notOpen: '该合作意向已不再处于待答复状态',
    expired: '该合作意向已于 {date} 过期，无法再答复',
    noteRequired: '选择“其他”原因时请填写说明',
    unknownFile: '该洽谈中没有此文件',
  },
});

type Labels<T extends string> = Record<Lang, Record<T, string>>;

/** The forms of cooperation (the agreement types) as a sender proposes them. */
export const FORM_LABELS: Labels<AgreementType> = {
  en: {
    trade: 'Trade or purchase',
    investment: 'Investment',
    joint_venture: 'Joint venture',
    licensing: 'Licensing',
    rnd: 'R&D cooperation',
    logistics: 'Logistics',
    tourism: 'Tourism',
    culture_media: 'Culture and media',
    assistance: 'Assistance',
    framework: 'Framework agreement',
  },
  zh: {
    trade: '贸易采购',
    investment: '投资',
    joint_venture: '合资合作',
    licensing: '技术许可',
    rnd: '研发合作',
    logistics: '物流',
    tourism: '旅游',
    culture_media: '文化传媒',
    assistance: '对口帮扶',
    framework: '框架协议',
  },
};

export const TIMELINE_LABELS: Labels<(typeof TIMELINES)[number]> = {
  en: {
    within_3_months: 'Within 3 months',
    months_3_6: 'In 3 to 6 months',
    months_6_12: 'In 6 to 12 months',
    over_12_months: 'In more than 12 months',
  },
  zh: {
    within_3_months: '3 个月内',
    months_3_6: '3 至 6 个月',
    months_6_12: '6 至 12 个月',
    over_12_months: '12 个月以上',
  },
};

export const REASON_LABELS: Labels<(typeof DECLINE_REASONS)[number]> = {
  en: {
    not_relevant: 'Not relevant to us',
    too_early: 'Too early for us',
    price_terms: 'Price or terms',
    capacity: 'No capacity at present',
    other: 'Other',
  },
  zh: {
    not_relevant: '与我方需求不符',
    too_early: '时机尚早',
    price_terms: '价格或条款不合适',
    capacity: '目前无力承接',
    other: '其他',
  },
};

export const STATUS_LABELS: Labels<(typeof INTEREST_STATUSES)[number]> = {
  en: {
    open: 'Waiting for an answer',
    accepted: 'Accepted',
    declined: 'Declined',
    expired: 'Expired',
    withdrawn: 'Withdrawn',
  },
  zh: {
    open: '待答复',
    accepted: '已接受',
    declined: '已谢绝',
    expired: '已过期',
    withdrawn: '已撤回',
  },
};

/** A label in both languages, for notifications worded at read time. */
export function bothLangs<T extends string>(labels: Labels<T>, key: T): { en: string; zh: string } {
  return { en: labels.en[key], zh: labels.zh[key] };
}
