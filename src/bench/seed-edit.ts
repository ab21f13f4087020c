/** Edits one seed for the one-edited-article rebuild and puts it back; writes go to a new inode so hard-linked peer copies stay untouched. */
import { readFile, rename, writeFile } from 'node:fs/promises';

async function replaceFile(file: string, bytes: Buffer | string): Promise<void> {
  const tmp = `${file}.bench-edit`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

/** Appends a word to the seed's last paragraph; returns the original bytes for {@link restoreSeed}. */
export async function appendWordToSeed(file: string, word = 'edited'): Promise<Buffer> {
  const original = await readFile(file);
  const text = original.toString('utf8');
  await replaceFile(file, text.replace(/\n*$/, ` ${word}\n`));
  return original;
}

/** Puts back a seed's original bytes. */
export async function restoreSeed(file: string, original: Buffer): Promise<void> {
  await replaceFile(file, original);
}
