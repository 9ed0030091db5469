import { defineMessages } from '../../lib/i18n.ts';

/** Errors the listings use cases raise, each naming the field it concerns. */
export const listingsErr = defineMessages({
  en: {
    orgRequired: 'Choose the organisation this listing is for',
    orgNotYours: 'Choose an organisation of your region',
    unknownOrg: 'There is no approved organisation with this id',
    notPending: 'Only a listing waiting for review can be approved or rejected',
    alreadyClosed: 'This listing is already closed',
    renewDate: 'Choose a date after today',
    validUntilPast: 'Choose today or a later date',
    badAsOf: 'Enter a date (2018-03-01) or an ISO date-time (2018-03-01T00:00:00+08:00)',
  },
  zh: {
    orgRequired: '请选择发布该信息的单位',
    orgNotYours: '请选择本地区的单位',
    unknownOrg: '没有该编号的已审核单位',
    notPending: '只有待审核的信息才能通过或退回',
    alreadyClosed: '该信息已关闭',
    renewDate: '请选择今天以后的日期',
    validUntilPast: '请选择今天或以后的日期',
    badAsOf: '请输入日期（2018-03-01）或 ISO 日期时间（2018-03-01T00:00:00+08:00）',
  },
});
