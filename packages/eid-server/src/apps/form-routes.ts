import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { withLanguage, type Language } from '../pages/language.js';
import { pageHeaders, sendPage } from '../pages/send-page.js';
import type { ViewTokens } from '../pages/view-tokens.js';
import { readFormInput } from './form-input.js';
import {
  checkPage,
  formDeletedPage,
  formPage,
  handoverCodePage,
  receivedFormPage,
  receptionPage,
  type FormDraft,
} from './form-pages.js';
import type { HandoverCodes } from './handover-codes.js';
import { normalizeCode } from './handover-codes.js';
import { gonePage, notAvailablePage, unreachablePage } from './pages.js';
import { appPaths } from './paths.js';
import type { AppRequest, Resolved } from './routes.js';

export interface FormRoutesDeps {
  drafts: ViewTokens<FormDraft>;
  handovers: HandoverCodes<FormDraft>;
  resolve(id: string): Promise<Resolved>;
  languageOf(request: AppRequest): Language;
  logger: Logger;
}

/** Form pages post small url-encoded bodies: the member's fields (at most 20) or a code. */
const FORM_BODY_LIMIT = 64 * 1024;

/**
 * A form app after the card: the form (card data read-only, the member's fields), the check,
 * and "Fertig" (deleted) or the hand-over (a one-time code); the reception's page that shows a
 * handed-over form once. Every page is uncached; posts go only to this server.
 */
export function registerFormRoutes(app: FastifyInstance, deps: FormRoutesDeps): void {
  const { drafts, handovers, languageOf, logger } = deps;

  /** The draft under the address's token, for this app; otherwise the privacy page. */
  const withDraft =
    (
      handle: (
        draft: FormDraft,
        token: string,
        language: Language,
        request: AppRequest,
        reply: FastifyReply,
      ) => unknown,
    ) =>
    async (request: AppRequest, reply: FastifyReply) => {
      const language = languageOf(request);
      const token = request.params.token ?? '';
      const draft = drafts.get(token);
      if (draft === undefined || draft.app.id !== request.params.id)
        return sendPage(reply, gonePage(language));
      return handle(draft, token, language, request, reply);
    };

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get(
      appPaths.form(':id', ':token'),
      withDraft((draft, token, language, _request, reply) =>
        sendPage(reply, formPage(draft, token, language), 'self'),
      ),
    );

    scope.post(
      appPaths.form(':id', ':token'),
      withDraft((draft, token, language, request, reply) => {
        const input = readFormInput(draft.app.settings.fields, request.body);
        draft.values = input.values;
        if (Object.keys(input.problems).length > 0)
          return sendPage(reply, formPage(draft, token, language, input.problems), 'self');
        return reply
          .headers(pageHeaders())
          .redirect(withLanguage(appPaths.check(draft.app.id, token), language), 303);
      }),
    );

    scope.get(
      appPaths.check(':id', ':token'),
      withDraft((draft, token, language, _request, reply) => {
        const { problems } = readFormInput(draft.app.settings.fields, draft.values);
        if (Object.keys(problems).length > 0)
          return reply
            .headers(pageHeaders())
            .redirect(withLanguage(appPaths.form(draft.app.id, token), language), 303);
        return sendPage(reply, checkPage(draft, token, language), 'self');
      }),
    );

    scope.post(
      appPaths.finish(':id', ':token'),
      withDraft((draft, token, language, _request, reply) => {
        drafts.forget(token);
        logger.info({ app: draft.app.id }, 'form done, data deleted');
        return sendPage(reply, formDeletedPage(draft.app, language));
      }),
    );

    scope.post(
      appPaths.handOver(':id', ':token'),
      withDraft((draft, token, language, _request, reply) => {
        if (draft.app.settings.output !== 'handover') return sendPage(reply, gonePage(language));
        const { problems } = readFormInput(draft.app.settings.fields, draft.values);
        if (Object.keys(problems).length > 0)
          return sendPage(reply, formPage(draft, token, language, problems), 'self');
        drafts.forget(token);
        const code = handovers.issue(draft.app.id, draft);
        logger.info({ app: draft.app.id }, 'form waiting for the reception');
        return sendPage(reply, handoverCodePage(draft.app, code, language));
      }),
    );

    /** The reception's page of a hand-over form app, or why there is none. */
    const withReception = async (
      request: AppRequest,
      reply: FastifyReply,
      handle: (app: FormDraft['app'], language: Language) => unknown,
    ) => {
      const language = languageOf(request);
      const resolved = await deps.resolve(request.params.id);
      if ('unavailable' in resolved)
        return sendPage(
          reply,
          resolved.unavailable === 'unreachable'
            ? unreachablePage(language)
            : notAvailablePage(language),
        );
      const { settings } = resolved.app;
      if (settings.kind !== 'form' || settings.output !== 'handover')
        return sendPage(reply, notAvailablePage(language));
      return handle({ ...resolved.app, settings }, language);
    };

    scope.get(appPaths.reception(':id'), async (request: AppRequest, reply) =>
      withReception(request, reply, (formApp, language) =>
        sendPage(reply, receptionPage(formApp, language), 'self'),
      ),
    );

    scope.post(appPaths.reception(':id'), async (request: AppRequest, reply) =>
      withReception(request, reply, (formApp, language) => {
        const code = normalizeCode((request.body as Record<string, unknown> | undefined)?.['code']);
        const draft = handovers.take(formApp.id, code);
        if (draft === undefined)
          return sendPage(reply, receptionPage(formApp, language, true), 'self');
        logger.info({ app: formApp.id }, 'form handed over');
        return sendPage(reply, receivedFormPage(draft, language));
      }),
    );
  });
}
