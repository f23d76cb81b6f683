// Team mode's part of starting the server: the settings (given, or made from the address the
// server listens on, for tests on port 0), the session keeper, OpenID sign-in and the form guard.
import type { CustomFetch } from 'openid-client';
import type { MailTransport } from '../../distribute/transport.js';
import type { Store } from '../../state/store.js';
import type { TeamConfig } from '../config.js';
import { OidcSignIn } from '../oidc.js';
import { SessionKeeper } from '../sessions.js';
import { type TeamContext, TeamResults } from './context.js';
import { TeamFormGuard } from './form-guard.js';

export interface TeamOptions {
  config: TeamConfig | ((listening: string) => TeamConfig);
  /** Tests: how openid-client reaches the provider (to tamper with its answers). */
  oidcFetch?: CustomFetch;
}

export function teamContext(
  o: TeamOptions,
  listening: string,
  store: Store,
  transport: (smtpUrl: string) => MailTransport,
  onError: (e: unknown) => void,
): { team: TeamContext; sessions: TeamFormGuard } {
  const config = typeof o.config === 'function' ? o.config(listening) : o.config;
  const team: TeamContext = {
    config,
    sessions: new SessionKeeper(config, store),
    ...(config.oidc ? { oidc: new OidcSignIn(config, { fetch: o.oidcFetch }) } : {}),
    ...(config.emailLinks ? { transport: () => transport(config.emailLinks!.smtpUrl) } : {}),
    onError,
    results: new TeamResults(),
  };
  return { team, sessions: new TeamFormGuard(team) };
}
