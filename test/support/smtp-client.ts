/**
 * A raw SMTP client for tests: exact bytes in, exact replies out, so hostile
 * behaviour (bare LF, NUL, huge lines, floods, slow writes) can be sent.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface Reply {
  code: number;
  text: string;
}

export class SmtpClient {
  private buf = '';
  private pending: string[] = [];
  private waiters: ((r: Reply) => void)[] = [];
  private replies: Reply[] = [];
  closed = false;

  private socket: net.Socket | tls.TLSSocket;

  private constructor(socket: net.Socket | tls.TLSSocket) {
    this.socket = socket;
    this.attach(socket);
  }

  static async connect(port: number, host = '127.0.0.1', localAddress?: string | undefined): Promise<{ client: SmtpClient; greeting: Reply }> {
    const socket = net.connect({ port, host, ...(localAddress ? { localAddress } : {}) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new SmtpClient(socket);
    return { client, greeting: await client.reply() };
  }

  private attach(socket: net.Socket | tls.TLSSocket): void {
    socket.on('data', (d: Buffer) => {
      this.buf += d.toString('latin1');
      for (;;) {
        const m = /^(\d{3})([ -])(.*?)\r?\n/.exec(this.buf);
        if (!m) break;
        this.buf = this.buf.slice(m[0].length);
        this.pending.push(m[3]!);
        if (m[2] === ' ') {
          const r = { code: Number(m[1]), text: this.pending.join('\n') };
          this.pending = [];
          const w = this.waiters.shift();
          if (w) w(r);
          else this.replies.push(r);
        }
      }
    });
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w({ code: 0, text: 'connection closed' });
    });
    socket.on('error', () => undefined);
  }

  reply(timeoutMs = 10_000): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.closed) return Promise.resolve({ code: 0, text: 'connection closed' });
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve({ code: -1, text: 'no reply in time' }), timeoutMs);
      this.waiters.push((r) => {
        clearTimeout(t);
        resolve(r);
      });
    });
  }

  write(raw: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(raw);
  }

  async command(line: string): Promise<Reply> {
    this.write(`${line}\r\n`);
    return this.reply();
  }

  async starttls(): Promise<Reply> {
    const r = await this.command('STARTTLS');
    if (r.code !== 220) return r;
    const secure = tls.connect({ socket: this.socket as net.Socket, rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    this.socket = secure;
    this.attach(secure);
    return r;
  }

  /** MAIL, RCPT, DATA and the message; returns the reply to the final dot. */
  async send(from: string, to: string[], message: string): Promise<Reply> {
    const mail = await this.command(`MAIL FROM:<${from}>`);
    if (mail.code !== 250) return mail;
    for (const rcpt of to) {
      const r = await this.command(`RCPT TO:<${rcpt}>`);
      if (r.code !== 250) return r;
    }
    const data = await this.command('DATA');
    if (data.code !== 354) return data;
    const dotted = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    this.write(`${dotted}${dotted.endsWith('\r\n') ? '' : '\r\n'}.\r\n`);
    return this.reply(30_000);
  }

  close(): void {
    this.socket.destroy();
  }
}
