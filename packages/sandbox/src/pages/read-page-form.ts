/** @module The one way a sandbox page reads a form post: same-site only, size-limited. */
import { crossSiteRefusal } from '../http/cross-site.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import { pageResponse } from '../http/responses.js';
import type { SandboxContext } from '../sandbox-context.js';
import { renderClosedPage } from './render-hosted-page.js';

/** Largest form a page accepts. */
const FORM_LIMIT = 65_536;

/**
 * The fields of a page's form post, or the page answering why it is refused: 403 for a
 * cross-site post, 413 (closing the connection) for a body above the limit.
 *
 * @example
 * ```ts
 * const form = await readPageForm(ctx, request);
 * if (form instanceof Response) return form;
 * form.get('action');
 * ```
 */
export async function readPageForm(
  ctx: SandboxContext,
  request: Request,
): Promise<URLSearchParams | Response> {
  const refusal = crossSiteRefusal(
    (name) => request.headers.get(name) ?? undefined,
    ctx.ownOrigins,
  );
  if (refusal) return pageResponse(403, refusalPage(ctx, 'Request refused', refusal));
  try {
    return new URLSearchParams(Buffer.from(await readBody(request, FORM_LIMIT)).toString('utf8'));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return pageResponse(413, refusalPage(ctx, 'Request too large', error.message), {
      connection: 'close',
    });
  }
}

function refusalPage(ctx: SandboxContext, title: string, message: string): string {
  return renderClosedPage({
    merchantName: ctx.options.merchantName,
    title,
    message,
    returnUrl: null,
    tone: 'danger',
  });
}
