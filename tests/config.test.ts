import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('parseConfig', () => {
  it('fills every key with a default', () => {
    expect(parseConfig({}, 'site.config.json')).toMatchObject({ title: 'Broadsheet', pageSize: 20, language: 'en', taxonomy: {}, taxonomyMinMentions: 1, allowRawHtml: false, baseUrl: 'http://localhost:8080/' });
  });

  it('adds the trailing slash to the base URL', () => {
    expect(parseConfig({ baseUrl: 'https://example.org/archive' }, 'c.json').baseUrl).toBe('https://example.org/archive/');
  });

  it.each([
    [{ pageSize: 0 }, 'site.config.json: pageSize: expected a positive integer'],
    [{ pageSize: 'ten' }, 'site.config.json: pageSize: expected a positive integer'],
    [{ pageSize: 2.5 }, 'site.config.json: pageSize: expected a positive integer'],
    [{ baseUrl: 'example.org' }, 'site.config.json: baseUrl: expected an absolute URL such as https://example.org/archive/'],
    [{ baseUrl: 'javascript:alert(1)' }, 'site.config.json: baseUrl: expected an http(s) URL'],
    [{ taxonomy: { Iraq: 'Iraqi' } }, 'site.config.json: taxonomy.Iraq: Invalid input: expected array, received string'],
    [{ taxonomyMinMentions: 0 }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ taxonomyMinMentions: 1.5 }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ taxonomyMinMentions: '3' }, 'site.config.json: taxonomyMinMentions: expected a positive integer'],
    [{ titel: 'x' }, 'site.config.json: (top level): unknown key "titel"'],
    [{ language: 'en-x1' }, 'site.config.json: language: expected a language tag such as en or en-GB'],
    [{ language: 'english' }, 'site.config.json: language: expected a language tag such as en or en-GB'],
  ])('rejects %j with %j', (value, message) => {
    expect(() => parseConfig(value, 'site.config.json')).toThrow(message);
  });
});
