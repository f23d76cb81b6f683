// The team studio's own pages: sign in, the email link's confirmation, "not on the team", signed
// out, and the team itself. Pure: written with the escaping markup template.
import { BASE_CSS, page } from '../../page/frame.js';
import { type Html, markup, raw } from '../../page/html.js';
import { ROLES, type Person, type TeamMember } from '../../state/team.js';

const CSS = `${BASE_CSS}
form{margin:1rem 0}label{display:block;font-weight:bold;margin:.5rem 0 .25rem}
input,select{font:inherit;padding:.3rem;border:2px solid #0b0c0c;max-width:30rem;width:100%;box-sizing:border-box}
button,.button{font:inherit;padding:.4rem .9rem;margin-top:.5rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px #002d18;cursor:pointer;text-decoration:none;display:inline-block}
.bar{background:#f3f2f1;padding:.4rem 1.25rem;font-size:.9rem}.bar form{display:inline;margin:0}.bar button{background:none;color:#1d70b8;box-shadow:none;padding:0;margin:0;text-decoration:underline}
.error{border-left:5px solid #d4351c;padding-left:.75rem}.inline{display:inline;margin:0 .5rem 0 0}
`;

const shell = (title: string, body: Html, head?: string) => page({ title, css: CSS, body: body.text, head });

export function signInPage(o: {
  newsletter: string;
  oidc: boolean;
  email: boolean;
  returnTo: string;
  note?: string;
  sent?: boolean;
}): string {
  const note = o.note ? markup`<p class="error" role="status">${o.note}</p>` : '';
  const sent = o.sent
    ? markup`<p role="status"><strong>If that address is on the team, a sign-in link is on its way.</strong> It works once, for 15 minutes. Check the inbox (and the junk folder).</p>`
    : '';
  const provider = o.oidc
    ? markup`<p><a class="button" href="/auth/login?return=${encodeURIComponent(o.returnTo)}">Sign in with your work account</a></p>`
    : '';
  const email = o.email
    ? markup`<form method="post" action="/auth/email"><input type="hidden" name="return" value="${o.returnTo}">
<label for="email">${o.oidc ? 'Or get a sign-in link by email' : 'Your work email address'}</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required>
<button type="submit">Email me a sign-in link</button></form>`
    : '';
  return shell(
    `Sign in — ${o.newsletter} studio`,
    markup`<main class="wrap"><h1>Sign in to the ${o.newsletter} studio</h1>${note}${sent}${provider}${email}
<p class="muted">Only people on the studio's team can sign in. An admin of the team adds colleagues.</p></main>`,
  );
}

export function linkConfirmPage(newsletter: string, token: string): string {
  // A button, not the link itself, signs in: mail scanners that open links must not use them up.
  return shell(
    `Sign in — ${newsletter} studio`,
    markup`<main class="wrap"><h1>Sign in to the ${newsletter} studio</h1>
<form method="post" action="/auth/link"><input type="hidden" name="token" value="${token}"><button type="submit">Sign in</button></form></main>`,
  );
}

export function notOnTeamPage(newsletter: string, email: string, admins: TeamMember[]): string {
  const ask = admins.length
    ? markup`<p>To be added, ask an admin of the team: ${admins.map((a, i) => markup`${i ? ', ' : ''}${a.name} (<a href="mailto:${a.email}">${a.email}</a>)`)}.</p>`
    : markup`<p>To be added, ask whoever runs the studio.</p>`;
  return shell(
    'Not on the team',
    markup`<main class="wrap"><h1>You are not on the ${newsletter} studio's team</h1>
<p>You signed in as ${email}, but that address is not on the team, so the studio cannot be opened.</p>${ask}</main>`,
  );
}

export function signedOutPage(newsletter: string, endSession?: string): string {
  const head = endSession
    ? `<meta http-equiv="refresh" content="0;url=${endSession.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">`
    : undefined;
  const more = endSession
    ? markup`<p>Signing you out at the identity provider too. If nothing happens, <a href="${endSession}">continue</a>.</p>`
    : '';
  return shell(
    'Signed out',
    markup`<main class="wrap"><h1>You have signed out of the ${newsletter} studio</h1>${more}<p><a href="/auth/sign-in/">Sign in again</a></p></main>`,
    head,
  );
}

/** The line at the top of each studio page: who is signed in, the team page, sign out. */
export function teamBar(person: Person, token: string): Html {
  return markup`<div class="bar" role="region" aria-label="Signed in">Signed in as <strong>${person.name}</strong> (${person.role}) · <a href="/team/">Team</a> ·
<form method="post" action="/auth/sign-out"><input type="hidden" name="csrf" value="${token}"><button type="submit">Sign out</button></form></div>`;
}

export function teamPage(o: {
  newsletter: string;
  person: Person;
  token: string;
  members: TeamMember[];
  result?: { ok: boolean; text: string };
}): string {
  const admin = o.person.role === 'admin';
  const options = (selected: string) =>
    ROLES.map((r) => markup`<option value="${r}"${raw(r === selected ? ' selected' : '')}>${r}</option>`);
  const rows = o.members.map(
    (m) =>
      markup`<tr><td>${m.name}</td><td>${m.email}</td><td>${m.role}</td>${
        admin
          ? markup`<td><form method="post" action="/team/remove" class="inline"><input type="hidden" name="csrf" value="${o.token}"><input type="hidden" name="email" value="${m.email}"><button type="submit" aria-label="Remove ${m.name}">Remove</button></form></td>`
          : ''
      }</tr>`,
  );
  const result = o.result ? markup`<p role="status"${raw(o.result.ok ? '' : ' class="error"')}><strong>${o.result.text}</strong></p>` : '';
  const form = admin
    ? markup`<h2>Add a colleague, or change a role</h2>
<form method="post" action="/team/put"><input type="hidden" name="csrf" value="${o.token}">
<label for="m-email">Work email address</label><input id="m-email" name="email" type="email" maxlength="254" required>
<label for="m-name">Name</label><input id="m-name" name="name" type="text" maxlength="100">
<label for="m-role">Role</label><select id="m-role" name="role">${options('writer')}</select>
<button type="submit">Save</button></form>
<p class="muted">writer: new, edit, check, share, proof · approver: also approve · publisher: also publish, unschedule, send now, import-sent · admin: also the team.</p>`
    : markup`<p class="muted">Only an admin can change the team.</p>`;
  return shell(
    `Team — ${o.newsletter} studio`,
    markup`<main class="wrap"><p><a href="/">All issues</a></p><h1>The team</h1>${result}
<table><thead><tr><th>Name</th><th>Email</th><th>Role</th>${admin ? markup`<th>Remove</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>
${form}</main>`,
  );
}
