// A real OpenID provider on 127.0.0.1 for the sign-in tests: oidc-provider (v9; it warns that
// Node 20 is unsupported, and works), with its development login form (any login name; the
// accounts below give their email and name), PKCE required, and a signing key the test holds,
// so a test can also forge what a dishonest or mistaken provider might send.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT, decodeJwt } from 'jose';
import Provider from 'oidc-provider';

export const CLIENT = { id: 'panel-newsletter-studio', secret: 'studio-client-secret-0123456789abcdef' };

/** Login name → claims. */
export const ACCOUNTS: Record<string, { email: string; name: string }> = {
  priya: { email: 'priya@example.gov.uk', name: 'Priya Shah' },
  omar: { email: 'omar@example.gov.uk', name: 'Omar Khan' },
  wren: { email: 'wren@example.gov.uk', name: 'Wren Writer' },
  stranger: { email: 'stranger@example.org', name: 'Sam Stranger' },
};

export interface TestProvider {
  issuer: string;
  /** Start answering, once the studio's callback address is known. */
  serve(studioUrl: string): void;
  /** Sign an ID token with the provider's own key (or another), as a forger would. */
  sign(claims: Record<string, unknown>, key?: 'own' | 'other'): Promise<string>;
  close(): Promise<void>;
}

export async function startProvider(): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const own = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(own.privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  return {
    issuer,
    serve(studioUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT.id,
            client_secret: CLIENT.secret,
            redirect_uris: [`${studioUrl}/auth/callback`],
            post_logout_redirect_uris: [`${studioUrl}/auth/signed-out/`],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        jwks: { keys: [jwk] },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
        // The studio's own client: consent is taken as given (as an organisation's provider does for its own apps).
        async loadExistingGrant(ctx) {
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
        async findAccount(_ctx, id) {
          const a = ACCOUNTS[id] ?? { email: `${id}@example.org`, name: id };
          return { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: true, name: a.name }) };
        },
      });
      server.on('request', provider.callback());
    },
    async sign(claims, key = 'own') {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .sign(key === 'own' ? own.privateKey : other.privateKey);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export { decodeJwt };

/**
 * A sign-in taken as far as the provider's redirect back, without following it: a tiny client with
 * a cookie jar goes to the studio's /auth/login, logs in at the provider's form, and returns the
 * callback address it was sent to, with the studio's login cookie that goes with it.
 */
export async function callbackFor(studio: string, login: string): Promise<{ url: string; cookie: string }> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return { res, location: res.headers.get('location') ? new URL(res.headers.get('location')!, url).href : '' };
  };
  const start = await go(`${studio}/auth/login?return=/`);
  const cookie = `newsletter_login=${jar.get('newsletter_login')}`;
  let step = await go(start.location);
  const form = await (await go(step.location)).res.text();
  const action = /action="([^"]+)"/.exec(form)?.[1];
  if (!action) throw new Error('the provider showed no login form');
  step = await go(new URL(action, step.location).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  });
  while (step.location && !step.location.startsWith(`${studio}/auth/callback`)) step = await go(step.location);
  if (!step.location) throw new Error(`the provider did not send the browser back (status ${step.res.status})`);
  return { url: step.location, cookie };
}
