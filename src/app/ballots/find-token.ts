/**
 * Finds an issued token by its QR secret or its typed short code (look-ups of one turn share one query). A look-up
 * that finds nothing counts as a guess of the caller's address (guess-guard.ts).
 */
import { AppError } from '../../contracts/errors.js';
import type { FoundToken } from '../../db/repositories/tokens.js';
import type { AppContext } from '../context.js';
import { normaliseShortCode, sha256Hex } from '../kernel/secrets.js';
import { countGuess, guardCodeLookup, type Caller } from './guess-guard.js';

/** `linkHash`: the link's hash when the caller has it already. */
export async function findToken(ctx: AppContext, input: { token?: string; code?: string }, caller: Caller, linkHash?: string): Promise<FoundToken> {
  const lookup = ctx.tokens;
  let token: FoundToken | null = null;
  if (input.token !== undefined) token = await lookup.byTokenHash(linkHash ?? sha256Hex(input.token));
  else if (input.code !== undefined) {
    await guardCodeLookup(ctx, caller);
    const code = normaliseShortCode(input.code);
    if (code) token = await lookup.byCodeHash(sha256Hex(code));
  }
  if (!token) {
    await countGuess(ctx, caller, input.token !== undefined ? 'link' : 'code');
    throw new AppError('token_unknown');
  }
  if (token.status === 'revoked') throw new AppError('token_revoked');
  return token;
}
