export interface MailAttachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface MailMessage {
  subject: string;
  /** Sanitized HTML. */
  html: string;
  to: Array<{ upn: string; name: string }>;
  attachments: MailAttachment[];
}

/** Sends mail as the signed-in user (Graph `POST /me/sendMail`). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
