/**
 * Content collections. `pages`: the editorial Markdown of the top-level `pages/` folder
 * (`pages/vi/*.md`, `pages/en/*.md`) — methodology, about, release notes — written by editors,
 * not computed. Each file names its language and which page it is (`key`); the routes under
 * src/pages/ pick the entry by (key, lang).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const EDITORIAL_KEYS = ['methodology', 'about', 'releases'] as const;

const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './pages' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1),
    lang: z.enum(['vi', 'en']),
    key: z.enum(EDITORIAL_KEYS),
  }),
});

export const collections = { pages };
