// The size of a function's deployment package as Lambda receives it: the bundle directory zipped
// (deflate, as CDK zips assets). Computed without writing the zip: each file's deflated size plus
// the zip format's per-entry headers and end record.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface BundleSize {
  files: number;
  bytes: number;
  zippedBytes: number;
}

export function bundleSize(dir: string): BundleSize {
  let bytes = 0;
  let zippedBytes = END_RECORD;
  const files = filesUnder(dir);
  for (const file of files) {
    const content = readFileSync(file);
    const nameLength = Buffer.byteLength(relative(dir, file));
    bytes += content.length;
    zippedBytes +=
      LOCAL_HEADER + CENTRAL_HEADER + 2 * nameLength + deflateRawSync(content, { level: 9 }).length;
  }
  return { files: files.length, bytes, zippedBytes };
}
