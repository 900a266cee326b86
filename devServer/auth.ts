import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { GraphHttpError } from './errors';

export interface TokenClaims {
  upn: string;
  oid: string;
  name: string;
}

/** HS256 dev tokens, signed with a secret per server start (a restart invalidates old tokens, as a rotated key would). */
export class TokenService {
  private readonly secret: string;

  constructor(secret?: string) {
    this.secret = secret ?? randomBytes(32).toString('hex');
  }

  issue(claims: TokenClaims, expiresInSeconds = 3600): string {
    return jwt.sign(
      { ...claims, scp: 'User.Read Calendars.ReadWrite Sites.Selected Mail.Send' },
      this.secret,
      {
        algorithm: 'HS256',
        expiresIn: expiresInSeconds,
        audience: 'https://graph.microsoft.com',
        issuer: 'moedeassistent-local-graph',
      },
    );
  }

  verify(header: string | undefined): TokenClaims {
    if (!header || !/^Bearer\s+\S+/i.test(header)) {
      throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    try {
      const payload = jwt.verify(header.replace(/^Bearer\s+/i, ''), this.secret, {
        algorithms: ['HS256'],
        audience: 'https://graph.microsoft.com',
      }) as jwt.JwtPayload;
      return { upn: String(payload.upn), oid: String(payload.oid), name: String(payload.name) };
    } catch (e) {
      const expired = e instanceof jwt.TokenExpiredError;
      throw new GraphHttpError(
        401,
        'InvalidAuthenticationToken',
        expired
          ? 'Lifetime validation failed, the token is expired.'
          : 'Access token validation failure. Invalid audience or signature.',
      );
    }
  }
}
