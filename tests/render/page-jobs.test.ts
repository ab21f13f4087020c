import { describe, expect, it } from 'vitest';
import { createLiquid } from '../../src/render/liquid.js';
import { articlePagePlan, createRenderEnv, indexPagePlans } from '../../src/render/pages.js';
import { fixtureSite, TEMPLATES } from './page-contexts.js';

const site = await fixtureSite();
const env = createRenderEnv(createLiquid(TEMPLATES, 'en'), TEMPLATES, site);

describe('page jobs (what crosses to a render worker)', () => {
  it("carry an article page's fields, neighbour links and related card refs, not its views, metadata or the site view", () => {
    const index = site.related.findIndex((related) => related.length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const job = articlePagePlan(env, site, index).job();
    const context = job.context as Record<string, unknown>;
    expect(Object.keys(context)).toEqual(['article', 'newer', 'older', 'related']);
    expect(context['related']).toEqual(expect.arrayContaining([expect.any(Number)]));
    const article = context['article'] as Record<string, unknown>;
    expect(article['title']).toBe(site.articles[index]!.title);
    // The JSON-LD, canonical URL and date texts are made where the page renders.
    expect(JSON.stringify(context)).not.toMatch(/schema\.org|canonicalUrl|dateText|monthUrl/);
  });

  it('leave the site view out of listing contexts (a worker gets it once per batch)', () => {
    const context = indexPagePlans(env, site)[0]!.job().context as Record<string, unknown>;
    expect(context).not.toHaveProperty('site');
    expect(context).toHaveProperty('page');
  });
});
