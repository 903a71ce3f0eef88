/**
 * What the request log may say about a request. Secrets travel in two URLs: the phone page's path carries a rater's
 * QR token (/r/<token>) and the big screen's query its key (?key=…). A log line with either and its time would tie a
 * token to a moment (and hand out a working key), so both are replaced by "…" before anything is written. Bodies are
 * never logged: a ballot's content stays out of the log altogether.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_QUERY = new Set(['key', 'token']);

export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  if (/^\/r\/[^/]/.test(path)) path = '/r/…';
  if (q === -1) return path;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_QUERY.has(decodeURIComponentSafe(name)) ? `${name}=…` : pair;
    })
    .join('&');
  return `${path}?${query}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Fastify's own request serializer, with the URL redacted. */
export const requestLogSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactedUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket ? request.socket.remotePort : undefined,
    };
  },
};
