/**
 * A minimal ustar writer, gzipped with node's zlib: enough for Helm chart archives and the plugin's
 * compressed endpoint, without a `tar` binary or package. Entries keep the order given and a fixed mtime,
 * so the same input gives the same bytes (and the same digest in index.yaml).
 */
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

/** Writes `value` as zero-padded octal in a field of `width` bytes ending with NUL. */
function octal(header, offset, width, value) {
  header.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}

/** ustar keeps names over 100 bytes by moving leading folders into the 155-byte prefix field. */
function splitName(name) {
  if (Buffer.byteLength(name) <= 100) {
    return { prefix: '', base: name };
  }
  for (let cut = name.indexOf('/'); cut > 0; cut = name.indexOf('/', cut + 1)) {
    const prefix = name.slice(0, cut);
    const base = name.slice(cut + 1);

    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) {
      return { prefix, base };
    }
  }
  throw new Error(`tar: path too long for ustar: ${ name }`);
}

function header(name, size, mtime, isDir) {
  const h = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(isDir && !name.endsWith('/') ? `${ name }/` : name);

  h.write(base, 0, 100, 'utf8');
  octal(h, 100, 8, isDir ? 0o755 : 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, mtime);
  h.write(isDir ? '5' : '0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  // The checksum is the byte sum of the header with its own field read as spaces.
  h.fill(' ', 148, 156);
  const sum = h.reduce((total, byte) => total + byte, 0);

  h.write(`${ sum.toString(8).padStart(6, '0') }\0 `, 148, 8, 'ascii');

  return h;
}

/**
 * @param {{ name: string, data?: Buffer | string }[]} entries a folder is an entry without data
 * @param {number} mtime seconds since the epoch, for every entry
 * @returns {Buffer} the gzipped archive
 */
export function tarGz(entries, mtime) {
  const parts = [];

  for (const entry of entries) {
    const isDir = entry.data === undefined;
    const data = isDir ? Buffer.alloc(0) : Buffer.from(entry.data);

    parts.push(header(entry.name, data.length, Math.floor(mtime), isDir), data);
    if (data.length % BLOCK) {
      parts.push(Buffer.alloc(BLOCK - (data.length % BLOCK)));
    }
  }
  // Two zero blocks mark the end of the archive.
  parts.push(Buffer.alloc(2 * BLOCK));

  return gzipSync(Buffer.concat(parts), { level: 9 });
}
