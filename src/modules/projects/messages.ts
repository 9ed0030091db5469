/** The projects module's error messages and labels shared by pages, API, export and notifications. */
import { defineMessages, type Lang } from '../../lib/i18n.ts';
import type { Stage } from './stages.ts';

export const projectsErr = defineMessages({
  en: {
    unknownAgreement: 'There is no agreement with this id.',
    regionNotParty: "The project must be built in one of the parties' regions.",
    areaNotInRegion: 'This area is not inside the chosen region.',
    dueBeforeSigned: 'The due date cannot be before the agreement was signed ({signed}).',
    doneBeforeSigned: 'The date cannot be before the agreement was signed ({signed}).',
    doneInFuture: 'The date cannot be later than today.',
    alreadyDone: 'This milestone is already marked done.',
    stageFinal: 'A cancelled project cannot change stage.',
    stageSame: 'The project is already at this stage.',
    reasonRequired: 'Say why: stalling, cancelling and going back to an earlier stage need a reason.',
    onBeforePrevious: 'The date cannot be before the previous stage date ({previous}).',
    onInFuture: 'The date cannot be later than today.',
    overrunNoteRequired:
      'The actual investment would exceed the contracted {contracted} yuan: explain the overrun in a note.',
    decreaseNoteRequired:
      'The figures would fall below the approved ones ({approved}): explain the correction in a note.',
    nothingReported: 'The update is not pending any more.',
    rejectNoteRequired: 'Say why the update is rejected.',
    supersededUpdate:
      'A later approved update reports more than this one, which has no note explaining the decrease.',
    notPartyMember: 'Only members of a party submit progress updates, for their own organisation.',
    agreementUnconfirmed:
      'The coordinators of {regions} must confirm the agreement first; a project can be started once every party’s region has confirmed it.',
    publishedInvalid: 'Say whether the project is shown publicly (true or false).',
    projectExists:
      'A project has already been started on this agreement; only a framework agreement may carry several projects.',
  },
  zh: {
    unknownAgreement: '没有该编号的协议。',
    regionNotParty: '项目所在地必须是协议某一方所在的地区。',
    areaNotInRegion: '该地区不在所选省份之内。',
    dueBeforeSigned: '计划完成日期不能早于协议签署日期（{signed}）。',
    doneBeforeSigned: '日期不能早于协议签署日期（{signed}）。',
    doneInFuture: '日期不能晚于今天。',
    alreadyDone: '该节点已标记为完成。',
    stageFinal: '已取消的项目不能再变更阶段。',
    stageSame: '项目已处于该阶段。',
    reasonRequired: '请说明原因：暂停、取消或退回到之前的阶段都需要填写原因。',
    onBeforePrevious: '日期不能早于上一阶段的日期（{previous}）。',
    onInFuture: '日期不能晚于今天。',
    overrunNoteRequired: '实际投资将超过合同投资 {contracted} 元，请填写超支说明。',
    decreaseNoteRequired: '填报数字低于已审核的数字（{approved}），请填写更正说明。',
    nothingReported: '该进展报告已不在待审核状态。',
    rejectNoteRequired: '请说明退回的原因。',
    supersededUpdate: '之后已审核通过的报告数字更高，而本报告没有说明数字下降的原因。',
    notPartyMember: '进展报告只能由协议方的成员为本单位提交。',
    agreementUnconfirmed: '须先由{regions}的协调员确认该协议；各签约方所在地区均确认后才能创建项目。',
    publishedInvalid: '请说明项目是否公开（true 或 false）。',
    projectExists: '已根据该协议创建了项目；只有框架协议可以对应多个项目。',
  },
});

export const stageMsg = defineMessages({
  en: {
    signed: 'Signed',
    landed: 'Landed',
    started: 'Started',
    in_production: 'In production',
    stalled: 'Stalled',
    cancelled: 'Cancelled',
  },
  zh: {
    signed: '已签约',
    landed: '已落地',
    started: '已开工',
    in_production: '已投产',
    stalled: '停滞',
    cancelled: '已取消',
  },
});

/** A stage's label in one language. */
export function stageLabel(stage: Stage, lang: Lang): string {
  return stageMsg(lang)(stage);
}

/** A stage's label in both languages, for notification parameters. */
export function stageWorded(stage: Stage): { en: string; zh: string } {
  return { en: stageLabel(stage, 'en'), zh: stageLabel(stage, 'zh') };
}

/** The outcome of a review as the `update_reviewed` notification words it. */
export const REVIEW_OUTCOME = {
  approved: { en: 'approved', zh: '审核通过' },
  rejected: { en: 'rejected', zh: '退回' },
} as const;
