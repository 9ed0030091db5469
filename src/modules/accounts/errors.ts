import { defineMessages } from '../../lib/i18n.ts';

/** Messages of the errors this module's use cases raise, in the caller's language. */
export const accountsErr = defineMessages({
  en: {
    unknownRegion: 'Unknown region code {code}.',
    notProvince: '{code} is not a province-level region.',
    areaOutside: 'Area {code} is not inside region {region}.',
    emailTaken: 'An account with this email address already exists.',
    emailInvalid: 'Enter a valid email address.',
    passwordShort: 'The password must have at least {min} characters.',
    passwordLong: 'The password must have at most {max} characters.',
    passwordsDiffer: 'The two passwords do not match.',
    currentPasswordWrong: 'The current password is not correct.',
    regionRequired: 'A coordinator needs --region (a province code such as CN-JL).',
    orgRequired: 'A member needs --org (the id of an existing organisation).',
    unknownOrg: 'Unknown organisation {id}.',
    adminNoScope: 'An administrator takes neither --region nor --org.',
    regionNotYours: 'Coordinators can only list their own region ({code}).',
  },
  zh: {
    unknownRegion: '未知的地区代码 {code}。',
    notProvince: '{code} 不是省级行政区。',
    areaOutside: '地区 {code} 不在 {region} 范围内。',
    emailTaken: '该电子邮箱已有账户。',
    emailInvalid: '请输入有效的电子邮箱地址。',
    passwordShort: '密码至少需要 {min} 个字符。',
    passwordLong: '密码最多 {max} 个字符。',
    passwordsDiffer: '两次输入的密码不一致。',
    currentPasswordWrong: '当前密码不正确。',
    regionRequired: '协调员需要 --region（省级代码，如 CN-JL）。',
    orgRequired: '成员需要 --org（已有机构的编号）。',
    unknownOrg: '未知的机构 {id}。',
    adminNoScope: '管理员不需要 --region 或 --org。',
    regionNotYours: '协调员只能查看本地区（{code}）。',
  },
});
