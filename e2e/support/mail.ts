import { extractLinks, type SinkMessage, type SmtpSink } from '@tessera/testing';

/**
 * Waits for the next e-mail to `to` whose subject matches, and returns it with its link's token,
 * which must ride in the fragment (`#token=…`, never sent to a server), not in the query.
 */
export async function linkTokenFromEmail(
  sink: SmtpSink,
  to: string,
  subject: RegExp,
  path: string,
): Promise<{ message: SinkMessage; token: string }> {
  const message = await sink.waitFor((m) => m.to.includes(to) && subject.test(m.subject), {
    description: `an e-mail to ${to} with subject ${subject}`,
    timeoutMs: 10_000,
  });
  const link = extractLinks(message).find((url) => new URL(url).pathname === path);
  if (!link) throw new Error(`No ${path} link in the e-mail "${message.subject}"`);
  const url = new URL(link);
  if (url.search)
    throw new Error(`The ${path} link has a query string (${url.search}); its token belongs in the fragment`);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (!token) throw new Error(`The ${path} link has no #token=`);
  return { message, token };
}
