// The SMTP transport, through Nodemailer: SMTP_URL says the host, port, TLS and login
// (smtps:// for TLS from the start, smtp:// upgrades with STARTTLS when the server offers it;
// ?requireTLS=true refuses a server that does not). Every failure becomes a plain message
// that names the server, never the password.
import nodemailer from 'nodemailer';
import { NewsletterError } from '../errors.js';
import type { Delivery, MailTransport, OutgoingMail } from './transport.js';

export interface SmtpOptions {
  /** Milliseconds allowed to connect and for the server to greet, and of silence mid-send. */
  timeoutMs?: number;
}

export function smtpTransport(url: string, options: SmtpOptions = {}): MailTransport {
  const where = describeSmtpUrl(url);
  const timeout = options.timeoutMs ?? 30_000;
  // Settings in the URL (?connectionTimeout=…) win over these.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    describe: where,
    async send(mail: OutgoingMail): Promise<Delivery> {
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          replyTo: mail.replyTo,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: mail.headers,
          // Inline parts (multipart/related), each with its Content-ID, shown where the HTML says cid:.
          attachments: (mail.inline ?? []).map((a) => ({
            cid: a.cid,
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content),
            contentDisposition: 'inline' as const,
          })),
        });
        const errors = (info as { rejectedErrors?: { recipient?: string; response?: string; message: string }[] }).rejectedErrors ?? [];
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(String),
          refused: info.rejected.map((address) => {
            const e = errors.find((r) => r.recipient === String(address));
            return { address: String(address), response: e?.response ?? e?.message ?? 'refused by the server' };
          }),
        };
      } catch (e) {
        throw smtpError(e, where, mail.to);
      }
    },
    close: () => transporter.close(),
  };
}

/** host:port of an SMTP URL — what messages may show. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('scheme');
    return `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? '465' : '587')}`;
  } catch {
    throw new NewsletterError('smtp-config', 'SMTP_URL is not an smtp:// or smtps:// address');
  }
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message: string;
  rejectedErrors?: { recipient?: string; response?: string }[];
}

function smtpError(e: unknown, where: string, to: string[]): NewsletterError {
  const f = e as SmtpFailure;
  const said = f.response ? ` — it said "${f.response.trim()}"` : '';
  const text = `${f.code ?? ''} ${f.message}`;
  const message = (() => {
    if (/ECONNREFUSED/.test(text))
      return `could not connect to the mail server ${where}: the connection was refused (is the server running, and is the port right?)`;
    if (/ENOTFOUND|EAI_AGAIN/.test(text)) return `could not find the mail server ${where}: its name does not resolve`;
    if (f.code === 'ETIMEDOUT' || /ETIMEDOUT|timed? ?out|never received/i.test(text))
      return `the mail server ${where} did not answer in time`;
    if (f.code === 'EAUTH' || f.code === 'ENOAUTH')
      return `the mail server ${where} refused the login${said}; check the user name and password in SMTP_URL`;
    if (f.code === 'ETLS' || /TLS|SSL|certificate|wrong version number/i.test(text)) return tlsMessage(where, f.message);
    if (f.code === 'EENVELOPE') {
      const refused = f.rejectedErrors?.map((r) => `${r.recipient}: ${r.response?.trim()}`) ?? [];
      return refused.length
        ? `the mail server ${where} refused every recipient:\n  ${refused.join('\n  ')}\n`
        : `the mail server ${where} refused the message's sender or recipients${said}`;
    }
    if (f.code === 'EMESSAGE') return `the mail server ${where} refused the message${said}`;
    return `the connection to the mail server ${where} failed: ${f.message}`;
  })();
  return new NewsletterError(
    'smtp-failed',
    `${message.trimEnd()}${message.endsWith('\n') ? '\n' : ' '}(the proof to ${to.join(', ')} was not sent)`,
    { cause: e },
  );
}

function tlsMessage(where: string, detail: string): string {
  const why = /wrong version number|packet length too long|unknown protocol/i.test(detail)
    ? 'the server does not speak TLS on that port'
    : /STARTTLS/i.test(detail)
      ? 'the server does not offer STARTTLS'
      : (/certificate[^:]*$/i.exec(detail)?.[0] ?? detail.split('\n')[0]!.slice(0, 200));
  return `the secure connection (TLS) to the mail server ${where} failed: ${why}. Use smtps:// for port 465 and smtp:// (STARTTLS) for ports 587 and 25, and check the server's certificate`;
}
