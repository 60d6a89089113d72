// Reads named files out of a zip archive (an XLSX workbook is one) without trusting it: the central
// directory's declared sizes are checked against the limit before anything is inflated, and the
// actual output is counted while inflating, a slice at a time, so an archive that lies about its
// sizes is stopped at the limit and the event loop gets a turn between slices.
import { Inflate } from 'fflate';
import { ValidationError } from '../errors';
import { fileRefusals, refuseFile, type ReadBudget } from './import-limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the archive declares it: checked, then enforced while inflating. */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;
const SLICE = 4 * 1024;

/**
 * Refuses, while inflating, output that runs longer than `max` bytes without `byte` (for XML: text
 * between tags too long for any cell), so the rest is never inflated. `refusal` gets the output
 * just before the run, to say where it is.
 */
export interface RunLimit {
  byte: number;
  max: number;
  refusal: (before: Buffer) => Error;
}

const unreadable = () => refuseFile(fileRefusals.unreadable());

/** The archive's directory. Fails (as unreadable) on anything but a plain, unencrypted zip. */
export function zipDirectory(bytes: Buffer): Map<string, ZipEntry> {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadable();
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 (0xffff / 0xffffffff markers) is never needed for a file within the upload limit.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) throw unreadable();
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw unreadable();
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    if (flags & 1) throw unreadable(); // encrypted
    entries.set(entry.name, entry);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Finds `name` in the directory, ignoring case and a leading slash (writers differ). */
export function findEntry(entries: Map<string, ZipEntry>, name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\//, '').toLowerCase();
  return entries.get(name) ?? [...entries.values()].find((e) => e.name.toLowerCase() === wanted);
}

/**
 * The entry's inflated bytes. Refuses (naming the limit) when it inflates past its declared size
 * or past `maxBytes`; unreadable when it is not stored or deflated, or is cut short.
 */
export async function inflateEntry(
  bytes: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  budget: ReadBudget,
  runLimit?: RunLimit,
): Promise<Buffer> {
  const limit = Math.min(entry.size, maxBytes);
  if (entry.size > maxBytes) throw refuseFile(fileRefusals.inflatesTooLarge());
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) throw unreadable();
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw unreadable();
  const chunks: Buffer[] = [];
  let total = 0;
  let run = 0;
  let runStart = 0;
  let refusal: Error | undefined;
  const accept = (chunk: Buffer) => {
    const offset = total;
    total += chunk.length;
    if (total > limit) throw refuseFile(fileRefusals.inflatesTooLarge());
    chunks.push(chunk);
    if (!runLimit) return;
    for (let from = 0; ;) {
      const at = chunk.indexOf(runLimit.byte, from);
      run += (at < 0 ? chunk.length : at) - from;
      if (run > runLimit.max) {
        const before = Buffer.concat(chunks).subarray(Math.max(0, runStart - 1024), runStart);
        refusal = runLimit.refusal(before);
        throw refusal;
      }
      if (at < 0) break;
      run = 0;
      from = at + 1;
      runStart = offset + from;
    }
  };
  if (entry.method === 0) {
    if (data.length !== entry.size) throw unreadable();
    accept(Buffer.from(data));
    return chunks[0] as Buffer;
  }
  if (entry.method !== 8) throw unreadable();
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    accept(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length; at += SLICE) {
      inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
      await budget.tick();
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ValidationError || error === refusal) throw error;
    throw unreadable();
  }
  if (!finished || total !== entry.size) throw unreadable();
  return Buffer.concat(chunks);
}
