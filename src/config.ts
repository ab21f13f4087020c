/** `site.config.json`: its schema, defaults and the one place it is loaded. */
import { readFile } from 'node:fs/promises';
// A namespace import lets the bundler keep only what is used; `{ z }` bundled all of zod with its 60-odd locales.
import * as z from 'zod';
import leven from 'leven';
import type { ConfigText } from './config-location.js';
import { hasDuplicateKeys } from './config-duplicates.js';
import { UsageError } from './errors.js';
import { isLanguageTag } from './language-tag.js';
import { hasControlCharacters } from './seeds/decode.js';
import { baseUrlProblem, normalBaseUrl } from './site/base-url.js';

/**
 * A config string: no control characters. JSON writes them with `\u0001`-style escapes (U+007F, U+FFFE
 * and U+FFFF even raw), and from a title, tag or URL they would reach every feed and the sitemap,
 * which XML forbids them in even escaped. Seed text loses them (decodeSeed); the config, written by
 * the site's owner, gets an error instead.
 */
function text(): z.ZodString {
  return z.string().refine((value) => !hasControlCharacters(value), {
    message: 'expected text without control characters (U+0000–U+001F other than tab and line ends, U+007F, U+FFFE, U+FFFF)',
    // One problem per value: a URL with a control character is not also reported as no URL.
    abort: true,
  });
}

/**
 * Canonical tag name → aliases. A tag named "__proto__" is reported here: zod's record leaves that key
 * out without a word (setting it would replace the object's prototype), so the tag would vanish.
 */
const taxonomySchema = z.preprocess(
  (value, ctx) => {
    if (value !== null && typeof value === 'object' && Object.hasOwn(value, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'expected another tag name: "__proto__" cannot be one (hint: give it in a seed\'s tags instead)' });
    }
    return value;
  },
  z.record(text().trim().min(1, 'expected a non-empty tag name'), z.array(text().trim().min(1, 'expected a non-empty alias'))),
);

/** The schema of `site.config.json`; every key is optional. */
export const configSchema = z
  .object({
    title: text().min(1).default('Broadsheet'),
    description: text().default('A news archive.'),
    baseUrl: text()
      .superRefine((url, ctx) => {
        const problem = baseUrlProblem(url);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default('http://localhost:8080/'),
    language: z
      .string()
      .refine(isLanguageTag, 'expected a language tag such as en or en-GB')
      .default('en'),
    pageSize: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').max(1000, 'expected at most 1000').default(20),
    feedSize: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').default(50),
    relatedCount: z.number({ error: 'expected a non-negative integer' }).int().min(0).default(5),
    publisher: text().optional(),
    allowRawHtml: z.boolean().default(false),
    taxonomy: taxonomySchema.default({}),
    taxonomyMinMentions: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').default(1),
  })
  .strict();

/** The validated site configuration with defaults filled in; `baseUrl` in its normal form (normalBaseUrl), ending in `/`. */
export type SiteConfig = z.infer<typeof configSchema>;

/** The config key most like an unknown one, for a "did you mean" hint: another case, or a slip of a letter or two. */
function knownKeyLike(unknown: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of Object.keys(configSchema.shape)) {
    const distance = leven(unknown.toLowerCase(), key.toLowerCase());
    if (distance <= 2 && distance < unknown.length / 2 && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** A key path as reports show it (`taxonomy.Iraq`); a key with a control character is shown as a JSON string, so the terminal gets no raw escape. */
function keyPathName(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'string' && hasControlCharacters(part) ? JSON.stringify(part) : String(part))).join('.');
}

/** One problem of a config file: its line when known, and what is wrong. */
export interface ConfigProblem {
  readonly line: number | undefined;
  readonly message: string;
}

/**
 * Validates a parsed config object; throws a UsageError naming the file, each bad key and, given
 * `where` the file's text is, the line it is written on (`site.config.json:4: pageSize: expected a positive integer`).
 * Problems `found` in the text (keys written twice) are reported with them, in the file's order.
 */
export function parseConfig(value: unknown, file: string, where?: ConfigText, found: readonly ConfigProblem[] = []): SiteConfig {
  const result = configSchema.safeParse(value);
  if (!result.success || found.length > 0) {
    const problems = (result.error?.issues ?? []).flatMap((issue): ConfigProblem[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const like = knownKeyLike(key);
          return { line: where?.lineOf(issue.path, key), message: `unknown key ${JSON.stringify(key)}${like === undefined ? '' : ` (did you mean ${JSON.stringify(like)}?)`}` };
        });
      }
      const name = keyPathName(issue.path);
      if (issue.code === 'invalid_key') {
        // A record's key (a taxonomy tag name): the message is the key's own issue, the line the key's.
        const key = String(issue.path.at(-1));
        return [{ line: where?.lineOf(issue.path.slice(0, -1), key), message: `${name}: ${issue.issues[0]?.message ?? issue.message}` }];
      }
      return [{ line: where?.lineOf(issue.path), message: `${issue.path.length > 0 ? name : '(top level)'}: ${issue.message}` }];
    });
    problems.push(...found);
    // In the file's order (zod reports in the schema's).
    problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    throw new UsageError(problems.map(({ line, message }) => `${line === undefined ? `${file}:` : `${file}:${line}:`} ${message}`).join('\n'));
  }
  const config = result.data;
  return { ...config, baseUrl: normalBaseUrl(config.baseUrl) };
}

/** One problem per key written twice in an object of the config text `json` (JSON.parse keeps the last without a word). */
async function duplicateKeyProblems(json: string): Promise<ConfigProblem[]> {
  const { duplicateKeys } = await import('./config-location.js');
  return duplicateKeys(json).map(({ path, key, line, firstLine }) => ({
    line,
    message: `${path.length > 0 ? `${keyPathName(path)}: ` : ''}key ${JSON.stringify(key)} written twice, first at line ${firstLine} (hint: JSON keeps only the last; merge the two)`,
  }));
}

/** Reads and validates the config file; a missing default file means all defaults. */
export async function loadConfig(file: string, required: boolean): Promise<SiteConfig> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return parseConfig({}, file);
    throw new UsageError(`${file}: cannot read config: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const text = bytes.toString('utf8');
  // Bytes that are not UTF-8 would become U+FFFD in a title or tag without a word said.
  if (text.includes('\uFFFD')) {
    const { firstLineNotUtf8 } = await import('./config-location.js');
    const line = firstLineNotUtf8(bytes);
    if (line !== undefined) throw new UsageError(`${file}:${line}: not UTF-8 text (hint: save the file as UTF-8)`);
  }
  const json = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    // The locating code (and its JSON parser) is loaded only for a config with a problem.
    const { jsonErrorAt, jsonErrorMessage } = await import('./config-location.js');
    const { line, column } = jsonErrorAt(json, error as Error);
    throw new UsageError(`${file}:${line}:${column}: invalid JSON: ${jsonErrorMessage(error as Error)}`);
  }
  const duplicates = hasDuplicateKeys(json, value) ? await duplicateKeyProblems(json) : [];
  try {
    return parseConfig(value, file, undefined, duplicates);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const { ConfigText } = await import('./config-location.js');
    return parseConfig(value, file, new ConfigText(json), duplicates);
  }
}
