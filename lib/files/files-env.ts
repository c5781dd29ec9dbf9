import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/**
 * Where uploaded files are kept: a local folder (FILES_DIR, which the launcher sets to
 * DATA_DIR/files) unless FILES_S3_BUCKET names an S3 bucket, or one of an S3-compatible service
 * (MinIO, R2) at FILES_S3_ENDPOINT.
 */
export const filesEnvSchema = z.object({
  FILES_DIR: z.string().default('.data/files'),
  /** The largest file an upload may carry. Next's proxy cuts bodies at 10 MB, so it stays below. */
  FILES_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(10 * 1024 * 1024 - 1)
    .default(8 * 1024 * 1024),
  FILES_S3_BUCKET: optionalText,
  FILES_S3_REGION: z.string().default('us-east-1'),
  FILES_S3_ENDPOINT: optionalText,
  /** Without them, the SDK's default chain (instance role, AWS_* variables, profiles). */
  FILES_S3_ACCESS_KEY_ID: optionalText,
  FILES_S3_SECRET_ACCESS_KEY: optionalText,
  /** Bucket in the path, not the host name: what MinIO-likes need. */
  FILES_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

export type FilesEnv = z.infer<typeof filesEnvSchema>;

export function filesEnv(env: Record<string, string | undefined> = process.env): FilesEnv {
  const parsed = filesEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid file store configuration:\n  ${problems.join('\n  ')}`);
  }
  return { ...parsed.data, FILES_DIR: path.resolve(parsed.data.FILES_DIR) };
}
