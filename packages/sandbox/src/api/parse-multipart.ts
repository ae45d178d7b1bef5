/** @module Parses the token endpoint's `multipart/form-data` body. */
/**
 * Reads the text fields of a `multipart/form-data` body (files are ignored); `undefined` when the
 * content type has no boundary.
 *
 * @example
 * ```ts
 * parseMultipart(body, 'multipart/form-data; boundary=X'); // { grant_type: 'client_credentials' }
 * ```
 */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): Record<string, string> | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return undefined;
  const fields: Record<string, string> = {};
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined || /\bfilename="/i.test(headers)) continue;
    const value = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    fields[name] = Buffer.from(value, 'latin1').toString('utf8');
  }
  return fields;
}
