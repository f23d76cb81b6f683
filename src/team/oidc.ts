// Sign-in with an OpenID Connect provider (Microsoft Entra ID, Google Workspace, Keycloak…)
// through openid-client v6: the authorization code flow with PKCE, state and nonce; the ID token
// is verified by openid-client (signature, issuer, audience, expiry, nonce). A login waiting for
// the provider is kept here, bound to the browser that started it, and used once.
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { TeamConfig } from './config.js';
import { validEmail } from './members.js';
import type { SignedInIdentity } from './sessions.js';

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  at: number;
}

/** How long the provider has to send the person back. */
const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 1000;

export interface OidcOptions {
  /** For tests against a provider on loopback http, and to tamper with its answers. */
  fetch?: client.CustomFetch;
}

export class OidcSignIn {
  private config?: Promise<client.Configuration>;
  private readonly pending = new Map<string, PendingLogin>();
  readonly redirectUri: string;

  constructor(
    private readonly team: TeamConfig,
    private readonly options: OidcOptions = {},
  ) {
    this.redirectUri = `${team.studioUrl}/auth/callback`;
  }

  private settings(): NonNullable<TeamConfig['oidc']> {
    return this.team.oidc!;
  }

  /** The provider's configuration, found once (again after a failure). */
  discover(): Promise<client.Configuration> {
    if (!this.config) {
      const s = this.settings();
      const url = new URL(s.issuer);
      const insecure = url.protocol === 'http:';
      this.config = client
        .discovery(url, s.clientId, s.clientSecret, undefined, {
          // openid-client trusts TLS for an ID token from the token endpoint unless told to check its
          // signature too; we check it, against the provider's published keys.
          execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
          ...(this.options.fetch ? { [client.customFetch]: this.options.fetch } : {}),
          timeout: 15,
        })
        .catch((e: unknown) => {
          this.config = undefined;
          throw e;
        });
    }
    return this.config;
  }

  /** Start a login: where to send the browser, and the handle its cookie keeps. */
  async begin(returnTo: string, now: number): Promise<{ url: string; handle: string }> {
    const config = await this.discover();
    const login: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo,
      at: now,
    };
    const challenge = await client.calculatePKCECodeChallenge(login.verifier);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
    const handle = randomBytes(32).toString('base64url');
    this.sweep(now);
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(handle, login);
    return { url: url.href, handle };
  }

  /**
   * Finish a login from the provider's redirect. The browser's handle must name a login still
   * waiting, with the very state the provider sent back; the login is used up either way.
   */
  async finish(
    handle: string | undefined,
    query: URLSearchParams,
    now: number,
  ): Promise<{ who: SignedInIdentity; returnTo: string } | { refused: string }> {
    const login = handle === undefined ? undefined : this.pending.get(handle);
    if (handle !== undefined) this.pending.delete(handle);
    if (!login || now - login.at > PENDING_MS)
      return { refused: 'This sign-in was not started from this browser, or took too long, or was already used.' };
    if (query.get('state') !== login.state)
      return { refused: 'The answer from the identity provider does not match the sign-in this browser started.' };
    if (query.has('error'))
      return {
        refused: `The identity provider refused the sign-in: ${(query.get('error_description') ?? query.get('error') ?? '').slice(0, 200)}`,
      };
    const config = await this.discover();
    const current = new URL(`${this.redirectUri}?${query.toString()}`);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      return { refused: `The identity provider's answer could not be verified (${describe(e)}).` };
    }
    const claims = tokens.claims()!;
    let email = emailClaim(claims);
    let name = typeof claims.name === 'string' ? claims.name : undefined;
    if (!email || !name) {
      // Some providers put email and name in the userinfo answer only.
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => undefined);
      email ??= info && emailClaim(info);
      name ??= typeof info?.name === 'string' ? info.name : undefined;
    }
    if (!email)
      return { refused: 'The identity provider did not say the email address of this account, so it cannot be matched to the team.' };
    return {
      who: {
        email,
        name:
          name
            ?.replace(/[\u0000-\u001f\u007f-\u009f<>]/g, '')
            .trim()
            .slice(0, 100) || email,
        issuer: claims.iss,
        subject: claims.sub,
        idToken: tokens.id_token,
      },
      returnTo: login.returnTo,
    };
  }

  /** The provider's end-session address, when it offers one. */
  async endSessionUrl(idToken: string | null, after: string): Promise<string | undefined> {
    const config = await this.discover().catch(() => undefined);
    if (!config?.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: after,
      ...(idToken ? { id_token_hint: idToken } : {}),
    }).href;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.pending) if (now - v.at > PENDING_MS) this.pending.delete(k);
  }
}

/** email, or Entra ID's preferred_username when it is an address (work accounts usually are). */
function emailClaim(c: Record<string, unknown>): string | undefined {
  // An address the provider says it has not verified is not one to match against the team.
  if (c.email_verified === false) return undefined;
  for (const v of [c.email, c.preferred_username, c.upn]) {
    const email = typeof v === 'string' ? validEmail(v) : undefined;
    if (email) return email;
  }
  return undefined;
}

function describe(e: unknown): string {
  const err = e as { code?: string; error?: string; message?: string };
  return [err.code, err.error, err.message].filter(Boolean).join(': ').slice(0, 300);
}
