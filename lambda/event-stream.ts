// AWS's event stream encoding, the body of InvokeWithResponseStream's answer (lambda/invoke-api.ts):
// a sequence of messages, each
//   total length (uint32) | headers length (uint32) | CRC32 of those 8 bytes |
//   headers: name length (uint8), name, value type (uint8; 7: string), value length (uint16), value |
//   payload | CRC32 of everything before it
// all big-endian (https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html,
// "Event stream encoding"; https://smithy.io/2.0/aws/amazon-eventstream.html). An event message has
// the headers :message-type "event", :event-type (the event's member name) and :content-type.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3), as the event stream's checksums are. */
export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function stringHeader(name: string, value: string): Buffer {
  const n = Buffer.from(name, 'utf8');
  const v = Buffer.from(value, 'utf8');
  const h = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
  h.writeUInt8(n.length, 0);
  n.copy(h, 1);
  h.writeUInt8(7, 1 + n.length);
  h.writeUInt16BE(v.length, 2 + n.length);
  v.copy(h, 4 + n.length);
  return h;
}

/** One event message: `eventType` with `payload` of `contentType`. */
export function eventMessage(eventType: string, contentType: string, payload: Buffer): Buffer {
  const headers = Buffer.concat([stringHeader(':event-type', eventType), stringHeader(':content-type', contentType), stringHeader(':message-type', 'event')]);
  const total = 12 + headers.length + payload.length + 4;
  const msg = Buffer.alloc(total);
  msg.writeUInt32BE(total, 0);
  msg.writeUInt32BE(headers.length, 4);
  msg.writeUInt32BE(crc32(msg.subarray(0, 8)), 8);
  headers.copy(msg, 12);
  payload.copy(msg, 12 + headers.length);
  msg.writeUInt32BE(crc32(msg.subarray(0, total - 4)), total - 4);
  return msg;
}
