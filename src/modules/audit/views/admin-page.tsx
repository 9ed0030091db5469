import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { auditMsg } from '../messages.ts';
import { taxonomyMsg } from '../../taxonomy/messages.ts';

/** The administrators' landing page: one card per tool. */
export function AdminPage({ lang }: { lang: Lang }) {
  const t = auditMsg(lang);
  const tools = [
    { path: '/admin/audit', title: t('adminAudit'), hint: t('adminAuditHint') },
    { path: '/coordinator/organisations', title: t('adminOrganisations'), hint: t('adminOrganisationsHint') },
    { path: '/admin/pairings', title: t('adminPairings'), hint: t('adminPairingsHint') },
    {
      path: '/taxonomy',
      title: taxonomyMsg(lang)('taxonomyTitle'),
      hint: taxonomyMsg(lang)('taxonomyAdminHint'),
    },
  ];
  return (
    <>
      <h1>{t('adminTitle')}</h1>
      <p>{t('adminIntro')}</p>
      <ul class="cards">
        {tools.map((tool) => (
          <li class="card">
            <h2>
              <a href={href(lang, tool.path)}>{tool.title}</a>
            </h2>
            <p>{tool.hint}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
