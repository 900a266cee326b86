import type { FileAttachment, Message } from '@microsoft/microsoft-graph-types';
import type { Mailer, MailMessage } from '../../ports/Mailer';
import type { Sanitizer } from '../browser/sanitizeHtml';
import { toBase64, type GraphConnection } from './graphClient';
import { mapGraphError } from './graphErrors';

/** "Send referat": mail through Graph, as the signed-in user, saved to Sent Items. */
export class GraphMailer implements Mailer {
  constructor(
    private readonly graph: GraphConnection,
    private readonly sanitize: Sanitizer,
  ) {}

  async send(message: MailMessage): Promise<void> {
    try {
      const attachments: Array<FileAttachment & { '@odata.type': '#microsoft.graph.fileAttachment' }> =
        message.attachments.map((a) => ({
          '@odata.type': '#microsoft.graph.fileAttachment',
          name: a.name,
          contentType: a.contentType,
          contentBytes: toBase64(a.bytes),
        }));
      const mail: Message = {
        subject: message.subject,
        body: { contentType: 'html', content: await this.sanitize(message.html) },
        toRecipients: message.to.map((p) => ({ emailAddress: { address: p.upn, name: p.name } })),
        attachments,
      };
      await this.graph.client.api('/me/sendMail').post({ message: mail, saveToSentItems: true });
    } catch (e) {
      throw mapGraphError(e);
    }
  }
}
