/** Names, in words, what a folder entry is when it is not a file, for reports about seeds/, templates/ and public/. */
import type { Dirent, Stats } from 'node:fs';

/**
 * What `entry` is when it is not a file: reading a named pipe blocks until something writes to it (a
 * build hung on one), and a socket, a device or a folder has no bytes to publish.
 */
export function notAFile(entry: Dirent | Stats): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return entry.isDirectory() ? 'a folder' : 'an entry of an unknown kind';
}
