// A small MQTT 3.1.1 client for the broker's tests, written from the standard independently of the emulator's
// codec: raw bytes over a net socket, packets read back whole, and whether the broker closed the connection.
import * as net from 'node:net';

export interface Received {
  type: number;
  flags: number;
  body: Buffer;
}

const str = (s: string | Buffer) => {
  const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  return Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);
};

/** A packet from its first byte and body (remaining length written as the standard's varint). */
export function frame(first: number, body: Buffer): Buffer {
  const length: number[] = [];
  let n = body.length;
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from([first, ...length]), body]);
}

export interface ConnectFields {
  clientId: string;
  username?: string;
  password?: string;
  protocol?: string;
  level?: number;
  keepAlive?: number;
}

export function connect({ clientId, username, password, protocol = 'MQTT', level = 4, keepAlive = 60 }: ConnectFields): Buffer {
  const flags = 0x02 | (username !== undefined ? 0x80 : 0) | (password !== undefined ? 0x40 : 0);
  const fields = [str(clientId), ...(username !== undefined ? [str(username)] : []), ...(password !== undefined ? [str(password)] : [])];
  return frame(0x10, Buffer.concat([str(protocol), Buffer.from([level, flags, keepAlive >> 8, keepAlive & 0xff]), ...fields]));
}

export function publish(topic: string, payload: string | Buffer, qos: 0 | 1 = 1, packetId = 7): Buffer {
  const id = qos > 0 ? Buffer.from([packetId >> 8, packetId & 0xff]) : Buffer.alloc(0);
  return frame(0x30 | (qos << 1), Buffer.concat([str(topic), id, Buffer.from(payload)]));
}

export const pingreq = () => Buffer.from([0xc0, 0]);
export const subscribe = (packetId: number, filter: string) => frame(0x82, Buffer.concat([Buffer.from([packetId >> 8, packetId & 0xff]), str(filter), Buffer.from([1])]));

/** One connection: what it received, in order, and whether the broker closed it. */
export class TestClient {
  private buffered = Buffer.alloc(0);
  private readonly packets: Received[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      // The broker's answers are all short: one length byte.
      while (this.buffered.length >= 2 && this.buffered.length >= 2 + this.buffered[1]) {
        const [first, length] = this.buffered;
        this.packets.push({ type: first >> 4, flags: first & 0x0f, body: this.buffered.subarray(2, 2 + length) });
        this.buffered = this.buffered.subarray(2 + length);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new TestClient(socket)));
      socket.once('error', reject);
    });
  }

  send(...packets: Buffer[]): void {
    this.socket.write(Buffer.concat(packets));
  }

  /** The next packet received, or 'closed' once the broker closed the connection with nothing more sent. */
  async next(): Promise<Received | 'closed'> {
    await this.until(() => this.packets.length > 0 || this.closed);
    return this.packets.shift() ?? 'closed';
  }

  /** Resolves when the broker has closed the connection. */
  async whenClosed(): Promise<void> {
    await this.until(() => this.closed);
  }

  end(): void {
    this.socket.destroy();
  }

  private until(done: () => boolean): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (done() ? resolve() : this.waiters.push(check));
      this.waiters.push(check);
    });
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}
