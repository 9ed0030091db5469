/** The interests pages: the interest form, the received/sent lists, one interest with its answer, conversations. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { downloadHeaders } from '../files/files.service.ts';
import { getListing } from '../listings/listings.service.ts';
import { InterestInput } from './fields.ts';
import * as svc from './interests.service.ts';
import { canSendInterest } from './policy.ts';
import { INTEREST_STATUSES } from './schema.ts';
import { interestsUi } from './ui-messages.ts';
import { ConversationPage } from './views/conversation-page.tsx';
import { InterestForm } from './views/interest-form.tsx';
import { INTEREST_DONE, InterestPage } from './views/interest-page.tsx';
import { INTERESTS_PAGE_SIZE, InterestsPage } from './views/interests-page.tsx';

export const interestsWeb = new Hono<AppEnv>();

type Status = 200 | 400 | 401 | 409 | 429;

const FormSchema = z.object({
  message: InterestInput.shape.message,
  bring: InterestInput.shape.bring,
  form: InterestInput.shape.form,
  timeline: InterestInput.shape.timeline,
});
const Via = z.string().trim().min(1).max(200).optional().catch(undefined);
const Page = z.coerce.number().int().min(1).max(10_000).catch(1);

async function renderForm(c: Context<AppEnv>, values: FormValues, errors: FormErrors, status: Status = 200) {
  const ctx = contextOf(c);
  const viewer = requireViewer(ctx.viewer);
  const ref = c.req.param('ref') ?? '';
  const { listing, org } = await getListing(c.var.deps, ctx, ref);
  authorize(viewer, canSendInterest(viewer, listing));
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: interestsUi(lang)('newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <InterestForm
          lang={lang}
          csrf={c.var.csrfToken}
          listing={listing}
          org={org}
          via={Via.parse(values.via)}
          expiryDays={c.var.deps.config.interestExpiryDays}
          values={values}
          errors={errors}
        />
      ),
    },
    status,
  );
}

interestsWeb.get('/listings/:ref/interest', (c) => renderForm(c, { via: c.req.query('via') ?? '' }, {}));

interestsWeb.post('/listings/:ref/interest', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const parsed = parseForm(FormSchema, values, lang);
  if (!parsed.ok) return renderForm(c, values, parsed.errors, 400);
  const ref = c.req.param('ref');
  const sent = await tryUseCase(
    () =>
      svc.sendInterest(c.var.deps, contextOf(c), {
        listingRef: ref,
        viaListingRef: Via.parse(values.via),
        ...parsed.data,
      }),
    lang,
    'listingRef',
  );
  if (!sent.ok) return renderForm(c, values, sent.errors, sent.status);
  return c.redirect(href(lang, `/interests/${sent.value.interest.id}?done=sent`), 303);
});

interestsWeb.get('/interests', async (c) => {
  const ctx = contextOf(c);
  requireViewer(ctx.viewer);
  const box = c.req.query('box') === 'sent' ? 'sent' : 'received';
  const status = z.enum(INTEREST_STATUSES).optional().catch(undefined).parse(c.req.query('status'));
  const page = Page.parse(c.req.query('page'));
  const [data, conversations] = await Promise.all([
    svc.listInterests(c.var.deps, ctx, { box, status, page, pageSize: INTERESTS_PAGE_SIZE }),
    svc.listConversations(c.var.deps, ctx),
  ]);
  const lang = c.var.lang;
  return renderPage(c, {
    title: interestsUi(lang)('listTitle'),
    children: (
      <InterestsPage
        lang={lang}
        box={box}
        rows={data.rows}
        total={data.total}
        page={page}
        conversations={conversations}
      />
    ),
  });
});

async function renderInterest(
  c: Context<AppEnv>,
  opts: { values?: FormValues; errors?: FormErrors; status?: Status } = {},
) {
  const ctx = contextOf(c);
  const view = await svc.getInterest(c.var.deps, ctx, c.req.param('id') ?? '');
  const done = INTEREST_DONE.find((d) => d === c.req.query('done'));
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: interestsUi(lang)('interestTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <InterestPage
          lang={lang}
          csrf={c.var.csrfToken}
          view={view}
          done={opts.errors ? undefined : done}
          readOnly={ctx.viewer?.role !== 'member'}
          values={opts.values}
          errors={opts.errors}
        />
      ),
    },
    opts.status ?? 200,
  );
}

interestsWeb.get('/interests/:id', (c) => renderInterest(c));

interestsWeb.post('/interests/:id/answer', async (c) => {
  const lang = c.var.lang;
  const id = c.req.param('id');
  const values = await readForm(c);
  const answer: svc.AnswerInput =
    values.decision === 'accept'
      ? { accept: true }
      : {
          accept: false,
          reason: (values.reason ?? '') as svc.DeclineReason,
          note: values.note?.trim() || undefined,
        };
  const done = await tryUseCase(
    () => svc.answerInterest(c.var.deps, contextOf(c), id, answer),
    lang,
    'answer',
  );
  if (!done.ok) return renderInterest(c, { values, errors: done.errors, status: done.status });
  return c.redirect(href(lang, `/interests/${id}?done=${answer.accept ? 'accepted' : 'declined'}`), 303);
});

interestsWeb.post('/interests/:id/withdraw', async (c) => {
  const lang = c.var.lang;
  const id = c.req.param('id');
  const done = await tryUseCase(() => svc.withdrawInterest(c.var.deps, contextOf(c), id), lang, 'answer');
  if (!done.ok) return renderInterest(c, { errors: done.errors, status: done.status });
  return c.redirect(href(lang, `/interests/${id}?done=withdrawn`), 303);
});

async function renderConversation(
  c: Context<AppEnv>,
  opts: { body?: string; errors?: FormErrors; status?: Status } = {},
) {
  const view = await svc.getConversation(c.var.deps, contextOf(c), c.req.param('id') ?? '');
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: interestsUi(lang)('conversationTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <ConversationPage
          lang={lang}
          csrf={c.var.csrfToken}
          view={view}
          posted={!opts.errors && c.req.query('done') === 'posted'}
          body={opts.body}
          errors={opts.errors}
        />
      ),
    },
    opts.status ?? 200,
  );
}

interestsWeb.get('/conversations/:id', (c) => renderConversation(c));

interestsWeb.post('/conversations/:id', async (c) => {
  const lang = c.var.lang;
  const id = c.req.param('id');
  const form = await c.req.parseBody({ all: true });
  const body = typeof form.body === 'string' ? form.body : '';
  const files = [form.files].flat().filter((f): f is File => f instanceof File);
  const done = await tryUseCase(
    () => svc.postMessage(c.var.deps, contextOf(c), id, { body }, files),
    lang,
    'body',
  );
  if (!done.ok) return renderConversation(c, { body, errors: done.errors, status: done.status });
  return c.redirect(href(lang, `/conversations/${id}?done=posted#messages`), 303);
});

interestsWeb.get('/conversations/:id/files/:fileId', async (c) => {
  const { file, bytes } = await svc.conversationFile(
    c.var.deps,
    contextOf(c),
    c.req.param('id'),
    c.req.param('fileId'),
  );
  return c.body(new Uint8Array(bytes), 200, downloadHeaders(file));
});
