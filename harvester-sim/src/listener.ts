import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, IncomingMessage, RequestListener, Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { Duplex } from 'node:stream';

const TLS_DIR = join(__dirname, '..', 'tls');

/** The simulator's self-signed certificate (for 127.0.0.1 and localhost), which its kubeconfigs name as their CA. */
export const SIM_CERT = readFileSync(join(TLS_DIR, 'sim-cert.pem'), 'utf8');
const SIM_KEY = readFileSync(join(TLS_DIR, 'sim-key.pem'), 'utf8');

/** The first byte of a TLS ClientHello (a handshake record). */
const TLS_HANDSHAKE = 0x16;

export type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * One port that speaks both HTTP and HTTPS, told apart by a connection's first byte. Browsers and the dev proxy
 * use plain HTTP; kubectl sends a kubeconfig's token only over TLS, as Rancher's `https://` kubeconfigs are.
 */
export class DualListener {
  private readonly front: Server;
  private readonly sockets = new Set<Socket>();
  readonly http: HttpServer;

  constructor(handler: RequestListener, upgrade: UpgradeListener) {
    this.http = createHttpServer(handler);
    const https = createHttpsServer({ cert: SIM_CERT, key: SIM_KEY }, handler);

    this.http.on('upgrade', upgrade);
    https.on('upgrade', upgrade);
    // Idle connections stay open (as Rancher keeps them): Node closes them after 5 s by default, and the dev proxy's
    // keep-alive agent could send a request on one in the very moment it closes ("socket hang up"), failing a page.
    this.http.keepAliveTimeout = 0;
    https.keepAliveTimeout = 0;
    this.front = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.once('data', (first: Buffer) => {
        socket.pause();
        socket.unshift(first);
        (first[0] === TLS_HANDSHAKE ? https : this.http).emit('connection', socket);
        process.nextTick(() => socket.resume());
      });
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve) => this.front.listen(port, host, resolve));

    return (this.front.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => this.front.close(() => resolve()));
  }
}
