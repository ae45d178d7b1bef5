/**
 * The merchant's schema of a checkout body: any Standard Schema (`~standard`), so zod 3.24+ and 4,
 * valibot, arktype and others all work, and a Worker bundle carries only the library the shop chose.
 *
 * @module
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { WPayValidationIssue } from '../errors.js';

/**
 * A schema of what the button sends: any Standard Schema (zod 3.24+ and 4, valibot, arktype…).
 *
 * @example
 * ```ts
 * const body: BodySchema = z.object({ sku: z.string() }); // or v.object({ sku: v.string() })
 * ```
 */
export type BodySchema = StandardSchemaV1;

/**
 * What `schema` outputs: the type `resolveOrder` receives.
 *
 * @example
 * ```ts
 * type Body = BodyOf<typeof body>; // { sku: string }
 * ```
 */
export type BodyOf<Schema extends BodySchema> = StandardSchemaV1.InferOutput<Schema>;

/**
 * Whether `value` is a Standard Schema (arktype's schemas are functions, the others objects).
 *
 * @example
 * ```ts
 * if (!isBodySchema(options.body)) throw new WPayConfigError({ field: 'body', … });
 * ```
 */
export function isBodySchema(value: unknown): value is BodySchema {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const standard = (value as Partial<BodySchema>)['~standard'];
  return typeof standard?.validate === 'function';
}

/**
 * Validates `value` with `schema`; issues are reported like `WPayValidationError`'s, with paths
 * dotted (`items.0.sku`).
 *
 * @example
 * ```ts
 * const parsed = await validateBody(schema, { sku: 'tee' });
 * if (!parsed.ok) return errorResponse(422, 'invalid_body', '…', { fields: parsed.issues });
 * ```
 */
export async function validateBody<Schema extends BodySchema>(
  schema: Schema,
  value: unknown,
): Promise<{ ok: true; value: BodyOf<Schema> } | { ok: false; issues: WPayValidationIssue[] }> {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return { ok: true, value: result.value as BodyOf<Schema> };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      path: (issue.path ?? [])
        .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
        .join('.'),
      message: issue.message,
    })),
  };
}
