import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * Copy a text file with every line break written as LF: CRLF and a lone CR each become one LF,
 * so the copy has the same lines, numbered the same. Files concatenated from several systems mix
 * line endings, which DuckDB's CSV reader refuses as a whole ("state machine reached an invalid
 * state"). Streams, so exports larger than memory work; a CR at the end of one chunk is held back
 * until the next shows whether an LF follows it.
 *
 * @example const copy = await normalizeNewlines('mixed.csv'); // '/tmp/crm-nl-…/mixed.csv'
 */
export async function normalizeNewlines(path: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'crm-nl-')), basename(path));
  const ws = createWriteStream(out);
  let heldCr = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    const fixed = lf(buf, heldCr);
    heldCr = fixed.endsInCr;
    if (!ws.write(fixed.bytes)) await new Promise<void>((r) => ws.once('drain', () => r()));
  }
  if (heldCr) ws.write(Buffer.from('\n'));
  ws.end();
  await finished(ws);
  return out;
}

/** One chunk with CR and CRLF as LF; a trailing CR is withheld (reported in endsInCr). */
function lf(buf: Buffer, afterCr: boolean): { bytes: Buffer; endsInCr: boolean } {
  const out = Buffer.allocUnsafe(buf.length + 1);
  let n = 0;
  let i = 0;
  if (afterCr) {
    out[n++] = 0x0a; // the held CR ends a line whether or not an LF follows
    if (buf[0] === 0x0a) i = 1;
  }
  for (; i < buf.length; i++) {
    const b = buf[i]!;
    if (b !== 0x0d) {
      out[n++] = b;
      continue;
    }
    if (i === buf.length - 1) return { bytes: out.subarray(0, n), endsInCr: true };
    out[n++] = 0x0a;
    if (buf[i + 1] === 0x0a) i++;
  }
  return { bytes: out.subarray(0, n), endsInCr: false };
}
