/** The form that creates a programme on an assistance pairing. */
import type { Lang } from '../../../lib/i18n.ts';
import type { FormValues } from '../../../web/form-parse.ts';
import type { FormErrors } from '../../../web/forms.tsx';
import { Breadcrumb } from '../../../web/layout.tsx';
import { programmesUi } from '../ui-messages.ts';
import { NewProgrammeForm } from './forms.tsx';

export function NewProgrammePage(props: {
  lang: Lang;
  csrf: string;
  pairings: [string, string][];
  values: FormValues;
  errors: FormErrors;
}) {
  const t = programmesUi(props.lang);
  return (
    <>
      <Breadcrumb
        lang={props.lang}
        items={[{ label: t('listTitle'), path: '/programmes' }, { label: t('newTitle') }]}
      />
      <h1>{t('newTitle')}</h1>
      <p>{t('newIntro')}</p>
      <NewProgrammeForm {...props} />
    </>
  );
}
