import type { Lang } from '../../../lib/i18n.ts';
import { href } from '../../../web/layout.tsx';
import { LISTING_CATEGORIES } from '../categories.data.ts';
import { divisionsOfSection, INDUSTRY_SECTIONS, type IndustrySection } from '../industries.data.ts';
import { taxonomyMsg } from '../messages.ts';
import { BothNames, langOf } from './parts.tsx';

/** The eight categories, with what an offer and a seek are in each. */
function CategoriesTable({ lang }: { lang: Lang }) {
  const t = taxonomyMsg(lang);
  return (
    <div class="table-scroll" tabindex={0}>
      <table>
        <caption>{t('categoriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colCategory')}</th>
            <th scope="col">{t('colOffer')}</th>
            <th scope="col">{t('colSeek')}</th>
          </tr>
        </thead>
        <tbody>
          {LISTING_CATEGORIES.map((c) => (
            <tr id={`category-${c.code}`}>
              <th scope="row">
                <BothNames zh={c.nameZh} en={c.nameEn} lang={lang} />
              </th>
              <td>{lang === 'zh' ? c.offerZh : c.offerEn}</td>
              <td>{lang === 'zh' ? c.seekZh : c.seekEn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One section of GB/T 4754-2017 with its divisions, named in both languages. */
function SectionTable({ lang, section }: { lang: Lang; section: IndustrySection }) {
  const t = taxonomyMsg(lang);
  const headingId = `section-${section.letter}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('sectionHeading', { letter: section.letter })}:{' '}
        <BothNames zh={section.nameZh} en={section.nameEn} lang={lang} />
      </h3>
      <div class="table-scroll" tabindex={0}>
        <table>
          <caption>{t('divisionsCaption', { letter: section.letter })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colNameZh')}</th>
              <th scope="col">{t('colNameEn')}</th>
            </tr>
          </thead>
          <tbody>
            {divisionsOfSection(section.letter).map((d) => (
              <tr id={`division-${d.code}`}>
                <th scope="row">{d.code}</th>
                <td lang={langOf('zh', lang)}>{d.nameZh}</td>
                <td lang={langOf('en', lang)}>{d.nameEn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** `/taxonomy`: the listing categories and the industrial classification, public and read-only. */
export function TaxonomyPage({ lang }: { lang: Lang }) {
  const t = taxonomyMsg(lang);
  return (
    <>
      <h1>{t('taxonomyTitle')}</h1>
      <p class="lead">{t('taxonomyIntro')}</p>
      <p>
        <a href={href(lang, '/taxonomy/glossary')}>{t('glossaryLink')}</a>
      </p>
      <h2 id="categories">{t('categoriesHeading')}</h2>
      <p>{t('categoriesIntro')}</p>
      <CategoriesTable lang={lang} />
      <h2 id="industries">{t('industriesHeading')}</h2>
      <p>{t('industriesIntro')}</p>
      <nav aria-label={t('sectionsNav')}>
        <ul class="cards">
          {INDUSTRY_SECTIONS.map((s) => (
            <li>
              <a href={`#section-${s.letter}`}>
                {s.letter} {lang === 'zh' ? s.nameZh : s.nameEn}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {INDUSTRY_SECTIONS.map((s) => (
        <SectionTable lang={lang} section={s} />
      ))}
    </>
  );
}
