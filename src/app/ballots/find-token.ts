/** Finds an issued token by its QR secret or its typed short code (look-ups of one turn share one query). */
import { AppError } from '../../contracts/errors.js';
import type { Token } from '../../db/repositories/tokens.js';
import type { AppContext } from '../context.js';
import { normaliseShortCode, sha256Hex } from '../kernel/secrets.js';

export async function findToken(ctx: AppContext, input: { token?: string; code?: string }): Promise<Token> {
  const lookup = ctx.tokens;
  let token: Token | null = null;
  if (input.token !== undefined) token = await lookup.byTokenHash(sha256Hex(input.token));
  else if (input.code !== undefined) {
    const code = normaliseShortCode(input.code);
    if (code) token = await lookup.byCodeHash(sha256Hex(code));
  }
  if (!token) throw new AppError('token_unknown');
  if (token.status === 'revoked') throw new AppError('token_revoked');
  return token;
}
