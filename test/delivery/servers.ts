import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that parses what it receives; it refuses the first `refuse` transactions (451). */
export interface TestSmtp {
  port: number;
  received: { mail: ParsedMail; raw: string; envelopeTo: string[] }[];
  attempts: number;
  close(): Promise<void>;
}

export async function startSmtp(opts: { refuse?: number; user?: string; pass?: string } = {}): Promise<TestSmtp> {
  const state: TestSmtp = { port: 0, received: [], attempts: 0, close: async () => undefined };
  let refused = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: opts.user === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.pass) return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, cb) {
      state.attempts++;
      if (refused < (opts.refuse ?? 0)) {
        refused++;
        return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw, { keepCidLinks: true }).then((mail) => {
          state.received.push({ mail, raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A real HTTP server on loopback taking webhook posts; answers 503 to the first `refuse`. */
export interface TestWebhook {
  url: string;
  bodies: unknown[];
  attempts: number;
  close(): Promise<void>;
}

export async function startWebhook(opts: { refuse?: number } = {}): Promise<TestWebhook> {
  const state: TestWebhook = { url: '', bodies: [], attempts: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      state.attempts++;
      if (state.attempts <= (opts.refuse ?? 0)) {
        res.writeHead(503).end('busy');
        return;
      }
      state.bodies.push(JSON.parse(body));
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/secret`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** A loopback port with nothing listening: a server that is down. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
