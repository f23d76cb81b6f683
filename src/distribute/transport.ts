// A transport is an object with `send(mail)`, as in Nodemailer: proofs use SMTP, the daemon's
// reminders can reuse it, and tests plug in a recording one without touching the callers.

export interface OutgoingMail {
  /** "Name" <address> */
  from: { name: string; address: string };
  replyTo: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers: Record<string, string>;
  /** Pictures the HTML shows as cid:<cid> (a proof's: nothing public is needed to see them). */
  inline?: { cid: string; filename: string; contentType: string; content: Uint8Array }[];
}

export interface RecipientRefused {
  address: string;
  /** The server's answer, e.g. "550 5.1.1 mailbox unavailable". */
  response: string;
}

export interface Delivery {
  messageId: string;
  accepted: string[];
  refused: RecipientRefused[];
}

export interface MailTransport {
  /** Where mail goes, for messages: host and port, never credentials. */
  readonly describe: string;
  send(mail: OutgoingMail): Promise<Delivery>;
  close(): void;
}
