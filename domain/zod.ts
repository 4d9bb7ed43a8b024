import * as z from 'zod/mini';
// English by name: reached as z.locales.en, the locales namespace keeps every language in the bundle.
import { en } from 'zod/locales';

/**
 * The schema library every shipped module uses: zod's functional build, whose schemas carry no
 * methods, so a bundle holds only the checks it uses (classic zod added about 90 KB and 45 ms to each
 * Lambda's cold start, measured with `BENCH=cold npm run bench`). It speaks English, as classic zod does
 * by default, so error messages and the problem details built from them read the same.
 */
z.config(en());

export * from 'zod/mini';
