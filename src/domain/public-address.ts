/**
 * 公开地址: the address phones reach the server at, which QR slips, screen links and notices carry. Pure rules: what
 * counts as a well-formed address (an http(s) origin, nothing more), and which hosts a phone in the room can never
 * open — the loopback, link-local and unspecified addresses, and `localhost`, which each name the device itself.
 */

export type PublicUrlProblem = 'not_url' | 'scheme' | 'credentials' | 'path';

/** Parses an address as typed ("https://leitai.example.cn/", "http://192.168.1.20:3000") into its origin. */
export function parsePublicUrl(text: string): { ok: true; origin: string } | { ok: false; problem: PublicUrlProblem } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'scheme' };
  if (url.hostname === '') return { ok: false, problem: 'not_url' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  // The server answers at the root (/r/…, /screen/…): an address with a path would print links that go nowhere.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(text.trim())) return { ok: false, problem: 'path' };
  return { ok: true, origin: url.origin };
}

/** Why a phone cannot open an address: it names the device itself, or no device at all. */
export type PhoneUnreachable = 'localhost' | 'loopback' | 'link-local' | 'unspecified';

/** null when a phone on the room's network may reach `origin`; otherwise why it never can. */
export function phoneUnreachable(origin: string): PhoneUnreachable | null {
  const host = new URL(origin).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (host.includes(':')) return ipv6Reach(host);
  const v4 = ipv4(host);
  return v4 ? ipv4Reach(v4) : null;
}

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function ipv4Reach([a, b]: number[]): PhoneUnreachable | null {
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 169 && b === 254) return 'link-local';
  return null;
}

function ipv6Reach(host: string): PhoneUnreachable | null {
  // The URL parser has already normalised the address (zeros compressed, lower case, IPv4 tails in hex).
  if (host === '::1') return 'loopback';
  if (host === '::') return 'unspecified';
  if (/^fe[89ab][0-9a-f]:/.test(host)) return 'link-local';
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const high = Number.parseInt(mapped[1]!, 16);
    const low = Number.parseInt(mapped[2]!, 16);
    return ipv4Reach([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return null;
}
