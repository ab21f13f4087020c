import path from 'node:path';
import { BodyReader } from '../../src/cache/body-store.js';
import { CardReader } from '../../src/render/card-store.js';
import { createLiquid } from '../../src/render/liquid.js';
import { archivePagePlans, articlePagePlan, createRenderEnv, fixedPagePlans, indexPagePlans, tagPagePlans, tagsIndexPlan, templateContextOf, type PageJob } from '../../src/render/pages.js';
import type { Site } from '../../src/site/site.js';

/** The shipped templates. */
export const TEMPLATES = path.join(import.meta.dirname, '..', '..', 'templates');

/** Every page's template and the context it sees (as `renderJob` gives it), bodies kept inline. */
export function pageContextsOf(site: Site): { template: string; context: object }[] {
  const env = createRenderEnv(createLiquid(TEMPLATES), TEMPLATES, site);
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
    return { template: job.template, context: templateContextOf(job, bodies, cards) };
  });
}
