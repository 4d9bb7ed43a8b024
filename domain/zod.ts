import * as z from 'zod/mini';
// English by name: reached as z.locales.en, the locales namespace keeps every language in the bundle.
import { en } from 'zod/locales';
import * as core from 'zod/v4/core';

/**
 * The schema library every shipped module uses: zod's functional build, whose schemas carry no
 * methods, so a bundle holds only the checks it uses (classic zod added about 90 KB and 45 ms to each
 * Lambda's cold start, measured with `BENCH=cold npm run bench`). It speaks English, as classic zod does
 * by default, so error messages and the problem details built from them read the same.
 */
z.config(en());

export * from 'zod/mini';

/*
 * Objects parse through zod's compiled path. zod/mini's objects interpret their shape on every parse;
 * classic zod's compile it into one function on first use, which validates a command's body or a
 * stored event several times faster. The constructor below is zod/mini's own on that compiled core,
 * so schemas, issues and messages are the same (test/domain/compiledObjects.properties.test.ts parses
 * every request body and deal event both ways), and every object helper (extend, pick, omit, partial)
 * keeps it, as they copy a schema with its constructor.
 */
// The init functions, called as zod calls them inside its own constructors.
type Init = (inst: any, def: any) => void;
const compiledCore: Init = core.$ZodObjectJIT.init;
const miniType: Init = z.ZodMiniType.init;

const CompiledObject = core.$constructor('ZodMiniObject', (inst: z.ZodMiniObject, def: core.$ZodObjectDef) => {
  compiledCore(inst, def);
  miniType(inst, def);
  core.util.installLazyProp(inst, 'shape', (self: z.ZodMiniObject) => self._zod.def.shape, false);
});

const compiledObject = (shape: core.$ZodLooseShape | undefined, catchall: core.$ZodType | undefined, params: unknown) =>
  new CompiledObject({
    type: 'object',
    shape: shape ?? {},
    ...(catchall ? { catchall } : {}),
    ...(core.util.normalizeParams(params as string | undefined) as object),
  } as core.$ZodObjectDef);

export const object = ((shape?: core.$ZodLooseShape, params?: unknown) => compiledObject(shape, undefined, params)) as typeof z.object;
export const strictObject = ((shape: core.$ZodLooseShape, params?: unknown) => compiledObject(shape, z.never(), params)) as typeof z.strictObject;
export const looseObject = ((shape: core.$ZodLooseShape, params?: unknown) => compiledObject(shape, z.unknown(), params)) as typeof z.looseObject;
