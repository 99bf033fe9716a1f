import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { inputError } from '../util/error.js';
import { CP437_HIGH, CP850_HIGH, decodeCodePage } from './codepages.js';

type Decode = (bytes: Uint8Array) => string;

const norm = (name: string): string => name.toLowerCase().replace(/[\s_]/g, '').replace(/^(cp|ibm)-?/, 'cp');

/**
 * A decoder for an encoding name, or null for UTF-8 (which DuckDB reads itself, reporting bad
 * bytes line by line). Single-byte encodings decode every byte, so they can never fail midway.
 */
export function decoderFor(name: string | undefined): Decode | null {
  const n = norm(name ?? 'utf-8');
  if (n === 'utf-8' || n === 'utf8') return null;
  if (n === 'latin1' || n === 'latin-1' || n === 'iso-8859-1' || n === 'iso8859-1' || n === 'l1') {
    // true ISO-8859-1 (the WHATWG "latin1" label means windows-1252 instead)
    return (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  }
  if (n === 'cp437' || n === '437') return (b) => decodeCodePage(b, CP437_HIGH);
  if (n === 'cp850' || n === '850') return (b) => decodeCodePage(b, CP850_HIGH);
  const label = n === 'cp1252' ? 'windows-1252' : n;
  try {
    const td = new TextDecoder(label);
    return (b) => td.decode(b, { stream: true });
  } catch {
    throw inputError(
      `unknown encoding "${name}"; use utf-8, latin1, windows-1252 (cp1252), cp437, cp850, or another WHATWG label such as iso-8859-15 or windows-1250`,
    );
  }
}

/**
 * Write a UTF-8 copy of a file in a temporary folder and return its path (the caller removes it).
 * Streams, so exports larger than memory work.
 */
export async function transcodeToUtf8(path: string, decode: Decode): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'crm-load-')), basename(path));
  const ws = createWriteStream(out);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (!ws.write(decode(chunk as Buffer))) await new Promise<void>((r) => ws.once('drain', () => r()));
  }
  ws.end();
  await finished(ws);
  return out;
}
