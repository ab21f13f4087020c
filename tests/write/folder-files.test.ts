import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check, type BuildOptions } from '../../src/build.js';
import { UsageError } from '../../src/errors.js';
import { listFolderFiles } from '../../src/write/folder-files.js';
import { snapshotDir } from '../support/spawn-cli.js';
import { inProcessBuildOptions } from '../support/build-options.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

describe('listFolderFiles', () => {
  it('follows links to files and folders, leaves out dot-entries, and reports broken links, pipes and a link to a folder that holds it', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'folder-files-'));
    const dir = path.join(work, 'public');
    await mkdir(path.join(work, 'theme', 'img'), { recursive: true });
    await mkdir(path.join(dir, 'css'), { recursive: true });
    await writeFile(path.join(work, 'theme', 'logo.svg'), '<svg/>');
    await writeFile(path.join(work, 'theme', 'img', 'a.png'), 'png');
    await writeFile(path.join(dir, 'css', 'site.css'), 'a{}');
    await writeFile(path.join(dir, '.hidden'), 'x');
    await symlink('../theme/logo.svg', path.join(dir, 'logo.svg'));
    await symlink('../theme/img', path.join(dir, 'img'));
    await symlink('..', path.join(dir, 'css', 'up'));
    await symlink('nowhere.png', path.join(dir, 'gone.png'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.css')]);
    expect(await listFolderFiles(dir)).toEqual({
      files: ['css/site.css', 'img/a.png', 'logo.svg'],
      problems: [`${dir}/css/up: symbolic link to a folder that holds it`, `${dir}/gone.png: broken symbolic link`, `${dir}/pipe.css: a named pipe, not a file`],
    });
    expect(await listFolderFiles(path.join(work, 'missing'))).toEqual({ files: [], problems: [] });
  });
});

/** A cached, in-process build of the shipped seed with its own copy of public/ under `work`. */
async function siteWith(work: string): Promise<BuildOptions> {
  await cp(path.join(ROOT, 'public'), path.join(work, 'public'), { recursive: true });
  await writeFile(path.join(work, 'site.config.json'), '{}');
  return { ...inProcessBuildOptions(work, path.join(ROOT, 'seeds'), path.join(work, 'site.config.json')), outDir: path.join(work, 'dist'), publicDir: path.join(work, 'public') };
}

describe('a build whose public/ holds symbolic links', () => {
  it('publishes linked files and folders, and copies a linked file again after it is edited (links were skipped without a word)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'folder-files-'));
    const options = await siteWith(work);
    await mkdir(path.join(work, 'assets'));
    await writeFile(path.join(work, 'assets', 'photo.jpg'), 'jpeg');
    await writeFile(path.join(work, 'brand.css'), 'a{}');
    await symlink('../assets', path.join(options.publicDir, 'media'));
    await symlink('../brand.css', path.join(options.publicDir, 'brand.css'));
    await build(options);
    expect(await readFile(path.join(options.outDir, 'media', 'photo.jpg'), 'utf8')).toBe('jpeg');
    expect(await readFile(path.join(options.outDir, 'brand.css'), 'utf8')).toBe('a{}');
    await writeFile(path.join(work, 'brand.css'), 'a{color:red}');
    await utimes(path.join(work, 'brand.css'), new Date(), new Date(Date.now() + 5000));
    expect((await build(options)).upToDate).not.toBe(true);
    expect(await readFile(path.join(options.outDir, 'brand.css'), 'utf8')).toBe('a{color:red}');
  });

  it('refuses a named pipe or a broken link in public/ with one line each, in build and check, and leaves the previous site as it was (reading the pipe would hang)', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'folder-files-'));
    const options = await siteWith(work);
    await build(options);
    const before = await snapshotDir(options.outDir);
    execFileSync('mkfifo', [path.join(options.publicDir, 'pipe.css')]);
    await symlink('nowhere.png', path.join(options.publicDir, 'gone.png'));
    const refused = await build(options).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
    const hint = ' (hint: public/ is copied into the site as it is; replace or remove this entry)';
    expect((refused as UsageError).message).toBe([`${options.publicDir}/gone.png: broken symbolic link${hint}`, `${options.publicDir}/pipe.css: a named pipe, not a file${hint}`].join('\n'));
    expect(await snapshotDir(options.outDir)).toEqual(before);
    // check, which writes nothing, refuses it the same way.
    expect(await check(options).catch((error: unknown) => error)).toEqual(refused);
  });
});
