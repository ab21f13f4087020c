import os from 'node:os';
import path from 'node:path';
import { loadSite } from '../../src/load-site.js';
import { BodyReader } from '../../src/cache/body-store.js';
import { CardReader } from '../../src/render/card-store.js';
import { createLiquid } from '../../src/render/liquid.js';
import { templateContextOf } from '../../src/render/page-context.js';
import { archivePagePlans, articlePagePlan, createRenderEnv, fixedPagePlans, indexPagePlans, tagPagePlans, tagsIndexPlan, type PageJob } from '../../src/render/pages.js';
import type { Site } from '../../src/site/site.js';

/** The shipped templates. */
export const TEMPLATES = path.join(import.meta.dirname, '..', '..', 'templates');

/** The fixture site (tests/fixtures/basic), parsed in this thread. */
export async function fixtureSite(): Promise<Site> {
  const fixture = path.join(import.meta.dirname, '..', 'fixtures', 'basic');
  const { site } = await loadSite({
    seedsDir: path.join(fixture, 'seeds'),
    outDir: path.join(os.tmpdir(), 'unused'),
    configFile: path.join(fixture, 'site.config.json'),
    configRequired: true,
    templatesDir: TEMPLATES,
    publicDir: path.join(TEMPLATES, '..', 'public'),
    skipInvalid: false,
    workers: 0,
  });
  return site;
}

/** Every page's template and the context it sees (as `renderJob` gives it), bodies kept inline. */
export function pageContextsOf(site: Site): { template: string; context: object }[] {
  const env = createRenderEnv(createLiquid(TEMPLATES, 'en'), TEMPLATES, site);
  const plans = [
    ...site.articles.map((_, i) => articlePagePlan(env, site, i)),
    ...indexPagePlans(env, site),
    ...site.tags.flatMap((tag) => tagPagePlans(env, site, tag)),
    tagsIndexPlan(env, site),
    ...archivePagePlans(env, site),
    ...fixedPagePlans(env, site),
  ];
  const bodies = new BodyReader('');
  const cards = new CardReader(env.cards.handle());
  return plans.map((plan) => {
    const job: PageJob = plan.job();
    return { template: job.template, context: templateContextOf(job, env.settings, bodies, cards) };
  });
}
