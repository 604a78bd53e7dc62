// MQTT 3.1.1 wire format (OASIS standard, sections 2 and 3), only what the emulator's broker speaks: framing of
// packets from a TCP stream, reading CONNECT, PUBLISH and SUBSCRIBE, and writing the server's answers.
// A malformed packet is a protocol violation: the caller closes the connection (the standard's rule).

export const PacketType = {
  connect: 1,
  connack: 2,
  publish: 3,
  puback: 4,
  subscribe: 8,
  suback: 9,
  pingreq: 12,
  pingresp: 13,
  disconnect: 14,
} as const;

export interface Packet {
  type: number;
  /** The low 4 bits of the first byte. */
  flags: number;
  body: Buffer;
}

/** Thrown on anything the standard calls malformed; its message says what, for the call log. */
export class ProtocolError extends Error {}

/**
 * Cuts packets out of a TCP stream however it arrives in chunks. A packet whose remaining length is over
 * `maxRemaining` is refused as soon as its length is read, before its body is buffered.
 */
export class PacketReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly maxRemaining: number) {}

  /** Every whole packet the bytes received so far complete; what is left waits for the next chunk. */
  push(chunk: Buffer): Packet[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const packets: Packet[] = [];
    for (;;) {
      const length = remainingLength(this.buffered);
      if (length === undefined) break;
      if (length.value > this.maxRemaining) {
        throw new ProtocolError(`packet of ${length.value} bytes, over the limit of ${this.maxRemaining} bytes`);
      }
      const end = 1 + length.bytes + length.value;
      if (this.buffered.length < end) break;
      const first = this.buffered[0];
      packets.push({ type: first >> 4, flags: first & 0x0f, body: this.buffered.subarray(1 + length.bytes, end) });
      this.buffered = this.buffered.subarray(end);
    }
    return packets;
  }
}

/** The remaining length after the first byte (1 to 4 bytes, 7 bits each, low first), or undefined while incomplete. */
function remainingLength(buf: Buffer): { value: number; bytes: number } | undefined {
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    if (buf.length <= i) return undefined;
    value += (buf[i] & 0x7f) * 128 ** (i - 1);
    if ((buf[i] & 0x80) === 0) return { value, bytes: i };
  }
  throw new ProtocolError('remaining length longer than 4 bytes');
}

/** Reads the fields of a packet's body in order, each checked against the bytes left. */
class BodyReader {
  private offset = 0;

  constructor(private readonly body: Buffer) {}

  byte(): number {
    this.need(1);
    return this.body[this.offset++];
  }
  uint16(): number {
    this.need(2);
    const value = this.body.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }
  /** Length-prefixed bytes. */
  binary(): Buffer {
    const length = this.uint16();
    this.need(length);
    const value = this.body.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
  /** A UTF-8 string field: well-formed, no U+0000 (section 1.5.3). */
  string(what: string): string {
    return utf8(this.binary(), what);
  }
  rest(): Buffer {
    const value = this.body.subarray(this.offset);
    this.offset = this.body.length;
    return value;
  }
  done(): boolean {
    return this.offset === this.body.length;
  }
  end(what: string): void {
    if (this.offset !== this.body.length) throw new ProtocolError(`${this.body.length - this.offset} unexpected bytes at the end of ${what}`);
  }
  private need(n: number): void {
    if (this.offset + n > this.body.length) throw new ProtocolError('packet shorter than its fields');
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Well-formed UTF-8 without U+0000, else a ProtocolError naming `what`. */
export function utf8(bytes: Buffer, what: string): string {
  let value: string;
  try {
    value = decoder.decode(bytes);
  } catch {
    throw new ProtocolError(`${what} is not well-formed UTF-8`);
  }
  if (value.includes('\u0000')) throw new ProtocolError(`${what} contains U+0000`);
  return value;
}

export interface Connect {
  protocolName: string;
  level: number;
  cleanSession: boolean;
  keepAliveSeconds: number;
  clientId: string;
  username?: string;
  /** Bytes: MQTT passwords are binary data; the broker compares their UTF-8 reading. */
  password?: Buffer;
}

/** Protocol names and levels served: MQTT 3.1.1, and its predecessor 3.1 whose CONNECT reads the same. */
const PROTOCOLS: Record<string, number> = { MQTT: 4, MQIsdp: 3 };

/**
 * A CONNECT's variable header and payload (section 3.1); a will, when present, is read and ignored. Another
 * protocol level (MQTT 5 is level 5) is returned as `unsupported` before the rest, whose layout differs, is read.
 */
export function readConnect(packet: Packet): Connect | { unsupported: string } {
  if (packet.flags !== 0) throw new ProtocolError('CONNECT with reserved flags set');
  const r = new BodyReader(packet.body);
  const protocolName = r.string('the protocol name');
  const level = r.byte();
  if (PROTOCOLS[protocolName] !== level) return { unsupported: `protocol ${JSON.stringify(protocolName)} level ${level}` };
  const flags = r.byte();
  const keepAliveSeconds = r.uint16();
  if (flags & 0x01) throw new ProtocolError('CONNECT with the reserved flag set');
  const clientId = r.string('the client id');
  if (flags & 0x04) {
    r.string('the will topic');
    r.binary();
  } else if (flags & 0x38) {
    throw new ProtocolError('CONNECT with will QoS or retain but no will');
  }
  const username = flags & 0x80 ? r.string('the username') : undefined;
  if (flags & 0x40 && username === undefined) throw new ProtocolError('CONNECT with a password but no username');
  const password = flags & 0x40 ? Buffer.from(r.binary()) : undefined;
  r.end('CONNECT');
  return { protocolName, level, cleanSession: (flags & 0x02) !== 0, keepAliveSeconds, clientId, username, password };
}

export interface Publish {
  qos: number;
  topic: string;
  /** Present for QoS 1 and 2. */
  packetId?: number;
  payload: Buffer;
}

/** A PUBLISH (section 3.3): QoS 3 and a wildcard in the topic are protocol violations. */
export function readPublish(packet: Packet): Publish {
  const qos = (packet.flags >> 1) & 0x03;
  if (qos === 3) throw new ProtocolError('PUBLISH with QoS 3');
  const r = new BodyReader(packet.body);
  const topic = r.string('the topic');
  if (topic === '' || /[+#]/.test(topic)) throw new ProtocolError(`PUBLISH to ${JSON.stringify(topic)}: a topic name is not empty and has no wildcard`);
  const packetId = qos > 0 ? r.uint16() : undefined;
  if (packetId === 0) throw new ProtocolError('PUBLISH with packet id 0');
  return { qos, topic, packetId, payload: r.rest() };
}

/** A SUBSCRIBE's packet id and topic filters (section 3.8). */
export function readSubscribe(packet: Packet): { packetId: number; filters: string[] } {
  if (packet.flags !== 0x02) throw new ProtocolError('SUBSCRIBE with flags other than 0010');
  const r = new BodyReader(packet.body);
  const packetId = r.uint16();
  const filters: string[] = [];
  do {
    filters.push(r.string('a topic filter'));
    if (r.byte() > 2) throw new ProtocolError('SUBSCRIBE asking for QoS above 2');
  } while (!r.done());
  return { packetId, filters };
}

/** A packet with no payload beyond its fixed header (PINGREQ, DISCONNECT) must have exactly that. */
export function checkEmpty(packet: Packet, name: string): void {
  if (packet.flags !== 0 || packet.body.length !== 0) throw new ProtocolError(`${name} with flags or a body`);
}

/** A whole packet: the first byte, the remaining length, the body. */
export function packet(type: number, flags: number, body: Buffer): Buffer {
  const length: number[] = [];
  let n = body.length;
  do {
    length.push((n % 128) | (n >= 128 ? 0x80 : 0));
    n = Math.floor(n / 128);
  } while (n > 0);
  return Buffer.concat([Buffer.from([(type << 4) | flags, ...length]), body]);
}

const uint16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);

export const connack = (returnCode: number) => packet(PacketType.connack, 0, Buffer.from([0, returnCode]));
export const puback = (packetId: number) => packet(PacketType.puback, 0, uint16(packetId));
export const pingresp = () => packet(PacketType.pingresp, 0, Buffer.alloc(0));
/** One return code per filter: 0x80 refuses it. */
export const suback = (packetId: number, codes: number[]) => packet(PacketType.suback, 0, Buffer.concat([uint16(packetId), Buffer.from(codes)]));
