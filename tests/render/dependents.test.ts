import { describe, expect, it } from 'vitest';
import { DependentsRecorder, filesShowing } from '../../src/render/dependents.js';
import { buildSite } from '../../src/site/model.js';
import { parseConfig } from '../../src/config.js';
import { draft } from '../site/draft-fixture.js';

const site = buildSite(
  [
    draft({ sourcePath: 'seeds/a.txt', slugBase: 'a', date: '2024-03-03' }),
    draft({ sourcePath: 'seeds/b.txt', slugBase: 'b', date: '2024-03-02' }),
    draft({ sourcePath: 'seeds/c.txt', slugBase: 'c', date: '2024-03-01' }),
  ],
  parseConfig({}, 'test'),
);
const [a, b, c] = site.articles as [(typeof site.articles)[0], (typeof site.articles)[0], (typeof site.articles)[0]];

describe('DependentsRecorder', () => {
  it('lists, for each article, the files whose inputs took its identity', () => {
    const recorder = new DependentsRecorder(site.articles);
    recorder.file('2024/03/02/b/index.html');
    recorder.shows(b);
    recorder.shows(a);
    recorder.shows(c);
    recorder.file('index.html');
    recorder.shows(a);
    recorder.shows(b);
    recorder.shows(a);
    recorder.file('sitemap.xml');
    const dependents = recorder.result();
    expect([...filesShowing(dependents, [0])].sort()).toEqual(['2024/03/02/b/index.html', 'index.html']);
    expect([...filesShowing(dependents, [2])]).toEqual(['2024/03/02/b/index.html']);
    expect([...filesShowing(dependents, [0, 1, 2])].sort()).toEqual(['2024/03/02/b/index.html', 'index.html']);
    expect(filesShowing(dependents, []).size).toBe(0);
  });

  it('ignores identities taken outside any file and of articles not in the site', () => {
    const recorder = new DependentsRecorder(site.articles);
    recorder.shows(a);
    recorder.file('feed.xml');
    recorder.shows({ ...a });
    expect(filesShowing(recorder.result(), [0, 1, 2]).size).toBe(0);
  });
});
