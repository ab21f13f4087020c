/** `site.config.json`: its schema, defaults and the one place it is loaded. */
import { readFile } from 'node:fs/promises';
// A namespace import lets the bundler keep only what is used; `{ z }` bundled all of zod with its 60-odd locales.
import * as z from 'zod';
import { UsageError } from './errors.js';

/** True when `tag` is a well-formed BCP 47 tag (templates' dates are named in it, see createLiquid): "en-GB", not "en-x1". */
function isWellFormedLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const taxonomySchema = z.record(z.string().trim().min(1, 'expected a non-empty tag name'), z.array(z.string().trim().min(1, 'expected a non-empty alias')));

/** The schema of `site.config.json`; every key is optional. */
export const configSchema = z
  .object({
    title: z.string().min(1).default('Broadsheet'),
    description: z.string().default('A news archive.'),
    baseUrl: z
      .string()
      .url('expected an absolute URL such as https://example.org/archive/')
      .refine((u) => /^https?:/.test(u), 'expected an http(s) URL')
      .default('http://localhost:8080/'),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en or en-GB')
      .refine(isWellFormedLanguageTag, 'expected a language tag such as en or en-GB')
      .default('en'),
    pageSize: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').max(1000, 'expected at most 1000').default(20),
    feedSize: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').default(50),
    relatedCount: z.number({ error: 'expected a non-negative integer' }).int().min(0).default(5),
    publisher: z.string().optional(),
    allowRawHtml: z.boolean().default(false),
    taxonomy: taxonomySchema.default({}),
    taxonomyMinMentions: z.number({ error: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').default(1),
  })
  .strict();

/** The validated site configuration with defaults filled in; `baseUrl` always ends in `/`. */
export type SiteConfig = z.infer<typeof configSchema>;

/** Validates a parsed config object; throws a UsageError naming the file and the bad key. */
export function parseConfig(value: unknown, file: string): SiteConfig {
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      const message = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
      return `${file}: ${key}: ${message}`;
    });
    throw new UsageError(lines.join('\n'));
  }
  const config = result.data;
  return { ...config, baseUrl: config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/` };
}

/** Reads and validates the config file; a missing default file means all defaults. */
export async function loadConfig(file: string, required: boolean): Promise<SiteConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return parseConfig({}, file);
    throw new UsageError(`${file}: cannot read config: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON: ${(error as Error).message}`);
  }
  return parseConfig(value, file);
}
