// `newsletter team add|list|remove`: the team studio's people and roles, on the host. The first
// admin is added here; after that admins can also change the team in the studio.
import { type Command, text } from '../command.js';

export const teamCommand: Command = {
  name: 'team',
  summary: 'who may sign in to the team studio (`serve --team`), and in which role',
  usage: ['team list', 'team add <email> --role writer|approver|publisher|admin [--name "Full Name"]', 'team remove <email>'],
  options: {
    role: { type: 'string', value: '<role>', description: 'writer, approver, publisher or admin (each can do all the one before can)' },
    name: { type: 'string', value: '<name>', description: 'the name the studio and the audit log show' },
  },
  example: ['newsletter team add priya.shah@example.gov.uk --role admin --name "Priya Shah"', 'newsletter team list'],
  async run(context) {
    const [{ UsageError }, { putMember, removeMember }, { withStateStore }, { userInfo }] = await Promise.all([
      import('../io.js'),
      import('../../team/members.js'),
      import('../store.js'),
      import('node:os'),
    ]);
    const [verb, email, ...extra] = context.positionals;
    const actor = { hostUser: userInfo().username };
    if (extra.length) throw new UsageError('give one email address');
    return withStateStore(context, async (store) => {
      if (verb === 'list' || verb === undefined) {
        const members = store.team.list();
        if (!members.length)
          context.io.out('No one is on the team yet: add the first admin with `newsletter team add <email> --role admin`.');
        for (const m of members) context.io.out(`${m.role.padEnd(9)}  ${m.email}  ${m.name}`);
        return 0;
      }
      if (!email) throw new UsageError(`say whose: newsletter team ${verb} <email>`);
      if (verb === 'add') {
        const role = text(context, 'role');
        if (!role) throw new UsageError('say which role: --role writer, approver, publisher or admin');
        const r = putMember(store, { email, name: text(context, 'name'), role }, actor);
        context.io.out(
          r.change === 'same'
            ? `${r.member.email} is already on the team as ${r.member.role}.`
            : `${r.member.name} <${r.member.email}> is ${r.change === 'added' ? 'on the team as' : 'now'} ${r.member.role}.`,
        );
        return 0;
      }
      if (verb === 'remove') {
        const gone = removeMember(store, email, actor);
        context.io.out(`${gone.name} <${gone.email}> is no longer on the team; their sessions have ended.`);
        return 0;
      }
      throw new UsageError(`"${verb}" is not something team does — use list, add or remove`);
    });
  },
};
