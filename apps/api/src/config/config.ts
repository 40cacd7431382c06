import { join, resolve } from 'node:path';
import { PAS_INQUIRY_BACKOFF_MINUTES, PAS_INQUIRY_OUTAGE_RETRY_MINUTES } from '@preauth/domain';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Connections one API instance holds open at most, unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_DATABASE_POOL_SIZE = 20;

// 32 random bytes in base64 (standard or URL-safe alphabet), as `openssl rand -base64 32` prints them.
const encryptionKey = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32,
    'must be 32 bytes in base64 (generate one with: openssl rand -base64 32)',
  );

const minuteList = z
  .string()
  .transform((value) => value.split(',').map((part) => Number(part.trim())))
  .refine(
    (list) => list.every((n) => Number.isFinite(n) && n > 0),
    'must be positive numbers of minutes, comma-separated',
  );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DEMO_DATA: booleanFromEnv.optional(),
  CLINIC_TIMEZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
    .default('America/New_York'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  UPLOAD_DIR: z.string().optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(25),
  // Photos go to an S3-compatible bucket instead of UPLOAD_DIR when S3_BUCKET is set.
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(false),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._/-]*$/, 'may only contain letters, digits and . _ / -')
    .default(''),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_DATABASE_POOL_SIZE),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  COOKIE_SECURE: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  APP_ENCRYPTION_KEY: encryptionKey.optional(),
  // Background jobs (pg-boss, in the database's own `pgboss` schema); off only for tests that do
  // not exercise them.
  BACKGROUND_JOBS: booleanFromEnv.default(true),
  // Waits (minutes, comma-separated; the last repeats) between Claim/$inquire polls of a pended
  // PAS request, and between tries while the payer cannot be reached. Shortened only for tests.
  PAS_INQUIRY_BACKOFF_MINUTES: minuteList.optional(),
  PAS_INQUIRY_RETRY_MINUTES: minuteList.optional(),
  // Notification emails go through this SMTP server (smtp:// or smtps://, credentials in the URL).
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Preauth <preauth@localhost>'),
  // The address people open the app at, for the sign-in link in emails.
  APP_URL: z.string().url().optional(),
  // Clinic-local hour (0-23) the daily email digest goes out.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Keys secrets may still be encrypted under (comma-separated), while a rotation is under way.
  APP_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .transform((value) => value.split(',').filter((key) => key.trim() !== ''))
    .pipe(z.array(encryptionKey))
    .optional(),
});

export type AppConfig = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {}

function buildConfig(env: z.infer<typeof schema>) {
  const dataDir = resolve(env.DATA_DIR);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    dataDir,
    // Demo users and cases only ever go into the embedded database, never into a real one by default.
    demoData: env.DEMO_DATA ?? env.DATABASE_URL === undefined,
    clinicTimeZone: env.CLINIC_TIMEZONE,
    logLevel: env.LOG_LEVEL,
    webDistDir: resolve(env.WEB_DIST_DIR ?? 'dist/web'),
    uploadDir: env.UPLOAD_DIR ? resolve(env.UPLOAD_DIR) : resolve(dataDir, 'uploads'),
    maxUploadBytes: Math.round(env.MAX_UPLOAD_MB * 1024 * 1024),
    s3: env.S3_BUCKET
      ? {
          bucket: env.S3_BUCKET,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          // Both or neither: without them the AWS SDK's default credential chain applies.
          credentials:
            env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
          prefix: env.S3_PREFIX.replace(/^\/+|\/+$/g, ''),
        }
      : null,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    backgroundJobs: env.BACKGROUND_JOBS,
    pasInquiry: {
      backoffMinutes: env.PAS_INQUIRY_BACKOFF_MINUTES ?? PAS_INQUIRY_BACKOFF_MINUTES,
      retryMinutes: env.PAS_INQUIRY_RETRY_MINUTES ?? PAS_INQUIRY_OUTAGE_RETRY_MINUTES,
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
      appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      digestHour: env.DIGEST_HOUR,
    },
    encryption: {
      key: env.APP_ENCRYPTION_KEY ? Buffer.from(env.APP_ENCRYPTION_KEY, 'base64') : undefined,
      previousKeys: (env.APP_ENCRYPTION_KEY_PREVIOUS ?? []).map((key) => Buffer.from(key, 'base64')),
      // Used when APP_ENCRYPTION_KEY is unset (the embedded setup); created on first start.
      keyFile: join(dataDir, 'encryption-keys.json'),
    },
  };
}

/** Validate the environment; the error names every bad variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return buildConfig(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Describe a connection URL without its password, for messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
