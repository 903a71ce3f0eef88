/** 公开地址: the address in use, where it comes from, and whether a phone in the room could ever open it. */
import { MESSAGES } from '../../contracts/messages.js';
import type { Message } from '../../domain/results.js';
import { phoneUnreachable } from '../../domain/public-address.js';
import type { AppContext } from '../context.js';
import { resolvePublicAddress, type ResolvedPublicAddress } from './resolve-public-address.js';

export interface PublicAddressView extends ResolvedPublicAddress {
  environment: string | null;
  phoneReachable: boolean;
  warning: Message | null;
  /** The harmless page a phone opens to prove it reaches the server: the code-entry page. */
  testUrl: string;
}

export async function getPublicAddress(ctx: AppContext, requestOrigin: string): Promise<PublicAddressView> {
  const resolved = await resolvePublicAddress(ctx, requestOrigin);
  const unreachable = phoneUnreachableOrNull(resolved.url);
  return {
    ...resolved,
    environment: ctx.environmentPublicUrl,
    phoneReachable: unreachable === null,
    warning: unreachable === null ? null : MESSAGES.phoneUnreachable(unreachable, resolved.url),
    testUrl: `${resolved.url}/r`,
  };
}

function phoneUnreachableOrNull(url: string) {
  try {
    return phoneUnreachable(url);
  } catch {
    // A request origin that is not a URL at all (a broken Host header) is no address a phone can open either.
    return 'unspecified' as const;
  }
}
