import { defineMessages } from '../../lib/i18n.ts';

export const homeMsg = defineMessages({
  en: {
    title: 'Counterpart cooperation between Northeast and East China',
    intro:
      'Paired provinces and cities work together on trade, investment, technology, logistics, tourism and culture, and eastern provinces assist poorer areas. Counterpart turns their talks into matched partners, agreements and tracked projects.',
    pairings: 'Pairings',
    cooperation: 'Counterpart cooperation',
    assistance: 'Partner assistance',
    allRegions: 'All regions and pairings',
    joinTitle: 'Take part',
    joinText:
      'Enterprises, universities, institutes and associations in a paired region can register; the cooperation office of their region approves them.',
    joinAction: 'Register your organisation',
  },
  zh: {
    title: '东北地区与东部地区对口合作',
    intro:
      '结对省市在贸易、投资、科技、物流、旅游和文化等领域开展合作，东部省份对口支援欠发达地区。本平台把会谈成果转化为对接伙伴、合作协议和可跟踪的项目。',
    pairings: '结对关系',
    cooperation: '对口合作',
    assistance: '对口支援',
    allRegions: '全部地区与结对',
    joinTitle: '参与合作',
    joinText: '结对地区的企业、高校、科研院所和协会均可注册，由所在地区的合作办公室审核。',
    joinAction: '注册机构',
  },
});
