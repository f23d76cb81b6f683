// Team mode's part of starting the server: the settings (given, or made from the address the
// server listens on, for tests on port 0), the session keeper, OpenID sign-in and the form guard.
import type { CustomFetch } from 'openid-client';
import type { RouteContext } from '../../http/route-context.js';
import type { ActionSettings } from '../../studio/actions.js';
import type { TeamConfig } from '../config.js';
import { OidcSignIn } from '../oidc.js';
import { SessionKeeper } from '../sessions.js';
import type { TeamContext } from './context.js';
import { TeamFormGuard } from './form-guard.js';

export interface TeamOptions {
  config: TeamConfig | ((listening: string) => TeamConfig);
  /** Tests: how openid-client reaches the provider (to tamper with its answers). */
  oidcFetch?: CustomFetch;
}

export function teamContext(
  o: TeamOptions,
  listening: string,
  ctx: RouteContext,
  settings: ActionSettings,
  onError: (e: unknown) => void,
): Pick<RouteContext, 'team' | 'sessions'> {
  const config = typeof o.config === 'function' ? o.config(listening) : o.config;
  const team: TeamContext = {
    config,
    sessions: new SessionKeeper(config, ctx.store),
    ...(config.oidc ? { oidc: new OidcSignIn(config, { fetch: o.oidcFetch }) } : {}),
    ...(config.emailLinks ? { transport: () => settings.transport(config.emailLinks!.smtpUrl) } : {}),
    onError,
  };
  // The editor's requests must come from STUDIO_URL's origin, not a loopback one.
  ctx.editor.origin = config.origin;
  return { team, sessions: new TeamFormGuard(team) };
}
