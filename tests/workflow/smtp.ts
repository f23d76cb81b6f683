// A real SMTP server on loopback for proof tests: it keeps every message, parsed back with
// mailparser, counts connections, and can refuse logins or single recipients.
import { createServer, type Server } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  envelopeTo: string[];
  secure: boolean;
  user: string | undefined;
  mail: ParsedMail;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  connections: number;
  close(): Promise<void>;
}

export async function startSmtp(
  opts: {
    secure?: boolean;
    auth?: { user: string; pass: string };
    refuse?: (address: string) => string | undefined;
    noStartTls?: boolean;
  } = {},
): Promise<TestSmtp> {
  const received: Received[] = [];
  const state = { connections: 0 };
  const options: SMTPServerOptions = {
    secure: opts.secure ?? false,
    disabledCommands: opts.noStartTls ? ['STARTTLS'] : [],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, cb) {
      state.connections++;
      cb();
    },
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return cb(null, { user: auth.username });
      cb(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      const why = opts.refuse?.(address.address);
      if (why) return cb(Object.assign(new Error(why.slice(4)), { responseCode: Number(why.slice(0, 3)) }));
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            secure: session.secure,
            user: session.user as string | undefined,
            mail,
          });
          cb();
        })
        .catch(cb);
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    received,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts connections and never says a word: the client must time out. */
export async function startSilent(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
